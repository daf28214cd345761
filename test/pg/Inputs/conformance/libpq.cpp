// libpq has no pool: every PQconnectdb or PQsetdbLogin opens one connection.
// Workers opens 4 in a loop with a constant bound and keeps them (a
// hand-written pool); the program makes two Workers and one more connection
// with PQsetdbLogin, whose null host and port are libpq's defaults, the same
// server and database as the conninfo "dbname=app".
#include "probe.h"
#include <libpq-fe.h>
#include <vector>

class Workers {
public:
  Workers() {
    for (int I = 0; I < 4; ++I)
      Conns.push_back(PQconnectdb("dbname=app"));
  }
  ~Workers() {
    for (PGconn *Conn : Conns)
      PQfinish(Conn);
  }
  bool ok() const {
    for (PGconn *Conn : Conns)
      if (PQstatus(Conn) != CONNECTION_OK)
        return false;
    return true;
  }

private:
  std::vector<PGconn *> Conns;
};

int main() {
  Workers Reads, Writes;
  PGconn *Admin =
      PQsetdbLogin(nullptr, nullptr, nullptr, nullptr, "app", nullptr, nullptr);
  if (!Reads.ok() || !Writes.ok() || PQstatus(Admin) != CONNECTION_OK)
    return 1;
  int Rc = holdAndProbe();
  PQfinish(Admin);
  return Rc;
}
