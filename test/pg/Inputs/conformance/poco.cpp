// Poco::Data: two SessionPools to one database, one of maximum 4 and one
// with the default maximum, warmed until each refuses another session.
#include "probe.h"
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/SessionPoolContainer.h>
#include <vector>

static int warm(Poco::Data::SessionPool &Pool,
                std::vector<Poco::Data::Session> &Held) {
  int N = 0;
  try {
    for (;;) {
      Held.push_back(Pool.get());
      ++N;
    }
  } catch (const Poco::Data::SessionPoolExhaustedException &) {
  }
  return N;
}

int main() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  Poco::Data::SessionPool Small("PostgreSQL", "dbname=app", 1, 4);
  Poco::Data::SessionPool Default("PostgreSQL", "dbname=app");
  std::vector<Poco::Data::Session> Held;
  std::printf("small pool: %d sessions\n", warm(Small, Held));
  std::printf("default pool: %d sessions\n", warm(Default, Held));
  return holdAndProbe();
}
