// A hand-written libpq pool: a queue of PGconn * filled in a loop.
#pragma once
#include <libpq-fe.h>
#include <cstdlib>
#include <vector>

class PgPool {
public:
  PgPool() {
    for (int I = 0; I < 8; ++I)
      idle_.push_back(PQconnectdb(std::getenv("ORDERS_DSN")));
  }
  ~PgPool() {
    for (PGconn *Conn : idle_)
      PQfinish(Conn);
  }
  PGconn *acquire();
  void release(PGconn *Conn);

private:
  std::vector<PGconn *> idle_;
};
