// A job runner with a fixed set of worker threads started at start-up; each
// opens its own connection once and keeps it for its life. One connection
// per worker, not one per job.
#include <libpq-fe.h>
#include <cstdlib>
#include <thread>
#include <vector>

bool nextJob();
void runJob(PGconn *Conn);

void startWorkers(std::vector<std::thread> &Workers, int Count) {
  for (int I = 0; I < Count; ++I)
    Workers.push_back(std::thread([] {
      PGconn *Conn = PQconnectdb(std::getenv("JOBS_DATABASE_URL"));
      while (nextJob())
        runJob(Conn);
      PQfinish(Conn);
    }));
}
