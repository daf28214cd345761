// The queue library (add_library(queue STATIC queue.cpp)): one pool in each
// process that links it.
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

int publish() {
  static Poco::Data::SessionPool pool("PostgreSQL", std::getenv("DATABASE_URL"), 1, 10);
  return pool.capacity();
}
