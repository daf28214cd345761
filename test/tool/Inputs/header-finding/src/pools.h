#include <Poco/Data/SessionPool.h>

inline Poco::Data::SessionPool &ordersPool() {
  static Poco::Data::SessionPool pool("PostgreSQL", "host=db dbname=shop", 1, 60);
  return pool;
}
