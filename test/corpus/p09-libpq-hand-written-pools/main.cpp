#include "PgPool.h"
#include "ReportWriter.h"

int main() {
  PgPool pool;
  ReportWriter reports;
  PGconn *Conn = pool.acquire();
  PQexec(Conn, "SELECT 1");
  pool.release(Conn);
}
