// redis++ with the pool size set in another function: the size is unknown,
// not the library's default of 1.
#include <sw/redis++/redis++.h>

void tunePool(sw::redis::ConnectionPoolOptions &opts);

class SessionCache {
public:
  SessionCache() : redis_(connection(), pool()) {}

private:
  static sw::redis::ConnectionOptions connection() {
    sw::redis::ConnectionOptions opts;
    opts.host = "cache.internal";
    opts.port = 6379;
    return opts;
  }
  static sw::redis::ConnectionPoolOptions pool() {
    sw::redis::ConnectionPoolOptions opts;
    tunePool(opts);
    return opts;
  }
  sw::redis::Redis redis_;
};
