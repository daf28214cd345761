#include "Store.h"

int main() {
  PgPool pool;
  Cache cache;
  OrdersStore orders(pool, cache);
  OrdersStore audit(pool, cache);
}
