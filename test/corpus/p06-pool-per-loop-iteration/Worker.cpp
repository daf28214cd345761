// A job runner that opens a pool for every job it takes, and a thread that
// connects on every tick: new connections on every iteration.
#include <soci/soci.h>
#include <libpq-fe.h>
#include <cstdlib>

bool nextJob();

void runJobs() {
  while (nextJob()) {
    soci::connection_pool pool(4); // poolguard-expect: poolguard-pool-per-call
    pool.at(0).open("postgresql", std::getenv("JOBS_DATABASE_URL"));
  }
}

void heartbeat() {
  for (;;) {
    PGconn *Conn = PQconnectdb(std::getenv("JOBS_DATABASE_URL")); // poolguard-expect: poolguard-pool-per-call
    PQexec(Conn, "UPDATE workers SET seen = now()");
    PQfinish(Conn);
  }
}
