#include "PgPool.h"

PGconn *PgPool::acquire() {
  PGconn *Conn = idle_.back();
  idle_.pop_back();
  return Conn;
}
void PgPool::release(PGconn *Conn) { idle_.push_back(Conn); }
