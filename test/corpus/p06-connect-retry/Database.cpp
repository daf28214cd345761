// A service that waits for its database at start-up: it retries until the
// connection works, then keeps that one connection. One connection in all,
// not one per attempt that lasts.
#include <libpq-fe.h>
#include <cstdlib>

bool sleepSeconds(int Seconds);

PGconn *connectWhenReady() {
  PGconn *Conn = nullptr;
  for (int Attempt = 0; Attempt < 30; ++Attempt) {
    Conn = PQconnectdb(std::getenv("DATABASE_URL"));
    if (PQstatus(Conn) == CONNECTION_OK)
      break;
    PQfinish(Conn);
    sleepSeconds(1);
  }
  return Conn;
}
