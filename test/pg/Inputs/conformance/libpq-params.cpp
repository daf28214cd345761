// libpq: PQconnectdbParams opens one connection per call, here 3 in a loop
// with a constant bound. The model does not read the keyword and value
// arrays, so poolguard counts them under an unknown database.
#include "probe.h"
#include <libpq-fe.h>
#include <vector>

int main() {
  const char *const Keywords[] = {"dbname", nullptr};
  const char *const Values[] = {"app", nullptr};
  std::vector<PGconn *> Conns;
  for (int I = 0; I != 3; ++I) {
    Conns.push_back(PQconnectdbParams(Keywords, Values, 0));
    if (PQstatus(Conns.back()) != CONNECTION_OK)
      return 1;
  }
  int Rc = holdAndProbe();
  for (PGconn *Conn : Conns)
    PQfinish(Conn);
  return Rc;
}
