// Poco::Data opens sessions lazily: a SessionPool of maximum 8 from which
// the program takes 2 sessions holds 2 connections, not 8.
#include "probe.h"
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SessionPool.h>

int main() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::SessionPool Pool("PostgreSQL", "dbname=app", 1, 8);
  Poco::Data::Session First = Pool.get();
  Poco::Data::Session Second = Pool.get();
  return holdAndProbe();
}
