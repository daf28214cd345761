#include <Poco/Data/SessionPool.h>

inline Poco::Data::SessionPool &reportsPool() {
  static Poco::Data::SessionPool pool("PostgreSQL", "host=db dbname=shop", 1, 60);
  return pool;
}
