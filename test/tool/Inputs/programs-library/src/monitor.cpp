// The monitor executable: its own pool, in its own process; it links the
// queue library when the reply's $monitor_links says so.
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

int main() {
  Poco::Data::SessionPool pool("PostgreSQL", std::getenv("DATABASE_URL"), 1, 4);
  return pool.capacity();
}
