// libpqxx (Debian's 6.4; no pool): every pqxx::connection opens one
// connection. Two Stores hold one each; the program keeps 3 more made in a
// loop with a constant bound.
#include "probe.h"
#include <memory>
#include <pqxx/pqxx>
#include <vector>

class Store {
public:
  bool ok() { return Conn.is_open(); }

private:
  pqxx::connection Conn{"dbname=app"};
};

int main() {
  Store Orders, Users;
  std::vector<std::unique_ptr<pqxx::connection>> Workers;
  for (int I = 0; I < 3; ++I)
    Workers.push_back(std::make_unique<pqxx::connection>("dbname=app"));
  if (!Orders.ok() || !Users.ok())
    return 1;
  return holdAndProbe();
}
