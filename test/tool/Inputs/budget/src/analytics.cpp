#include <tao/pq.hpp>

void analytics() {
  auto pool = tao::pq::connection_pool::create("host=db dbname=shop");
}
