#include <Poco/Data/SessionPool.h>

void billing() {
  static Poco::Data::SessionPool pool("PostgreSQL", "host=db dbname=shop", 1, 60);
}
