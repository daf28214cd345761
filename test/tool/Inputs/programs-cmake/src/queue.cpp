// The queue library (add_library(queue STATIC queue.cpp)), linked by the
// producer only: its pool is in the producer's process.
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

int publish() {
  static Poco::Data::SessionPool pool("PostgreSQL", std::getenv("DATABASE_URL"), 1, 10);
  return pool.capacity();
}
