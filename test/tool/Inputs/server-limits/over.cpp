#include <Poco/Data/SessionPool.h>

void orders() {
  static Poco::Data::SessionPool pool("PostgreSQL", "host=db dbname=shop", 1, 200);
}
