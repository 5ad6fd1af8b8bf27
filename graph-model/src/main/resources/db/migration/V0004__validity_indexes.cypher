// What changed between two dates (the diff of issue 3): only records whose validFrom or validTo lies in the interval
// can have changed, so those two properties are range-indexed for the records the diff reports; the interval is then
// an index seek instead of a scan of every actor, body, service, position and agreement of the database (issue 6).
CREATE RANGE INDEX actor_valid_from IF NOT EXISTS FOR (n:Actor) ON (n.validFrom);
CREATE RANGE INDEX actor_valid_to IF NOT EXISTS FOR (n:Actor) ON (n.validTo);
CREATE RANGE INDEX body_valid_from IF NOT EXISTS FOR (n:Body) ON (n.validFrom);
CREATE RANGE INDEX body_valid_to IF NOT EXISTS FOR (n:Body) ON (n.validTo);
CREATE RANGE INDEX service_valid_from IF NOT EXISTS FOR (n:Service) ON (n.validFrom);
CREATE RANGE INDEX service_valid_to IF NOT EXISTS FOR (n:Service) ON (n.validTo);
CREATE RANGE INDEX position_valid_from IF NOT EXISTS FOR (n:Position) ON (n.validFrom);
CREATE RANGE INDEX position_valid_to IF NOT EXISTS FOR (n:Position) ON (n.validTo);
CREATE RANGE INDEX agreement_valid_from IF NOT EXISTS FOR (n:Agreement) ON (n.validFrom);
CREATE RANGE INDEX agreement_valid_to IF NOT EXISTS FOR (n:Agreement) ON (n.validTo);
