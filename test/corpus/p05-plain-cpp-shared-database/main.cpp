#include "Services.h"

int main() {
  auto db = std::make_shared<Database>();
  UsersService users(*db);
  OrdersService orders(db);
}
