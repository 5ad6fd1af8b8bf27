package de.kimgraph.api.limits;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedOperation;
import org.jspecify.annotations.Nullable;

/**
 * Depth, cost and argument limits as one graphql-java instrumentation: after validation, before the first data
 * fetcher, with the variables applied. One walk over the normalized operation instead of graphql-java's separate
 * depth and complexity instrumentations, whose errors name neither the limit nor the argument and which count a
 * fragment once however often it is spread.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private final OperationCost cost;

    QueryLimits(OperationCost cost) {
        this.cost = cost;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, @Nullable InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        cost.checkFields(context.getOperationDefinition(), context.getFragmentsByName());
        ExecutableNormalizedOperation operation;
        try {
            // Memoized by the execution context: the selection sets of the data fetchers reuse it.
            operation = context.getNormalizedQueryTree().get();
        } catch (AbortExecutionException e) {
            throw cost.tooManyFields(e);
        }
        cost.measure(context.getGraphQLSchema(), operation);
        return SimpleInstrumentationContext.noOp();
    }
}
