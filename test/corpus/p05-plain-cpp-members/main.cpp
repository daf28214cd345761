#include "OrdersService.h"
#include "UsersService.h"

int main() {
  UsersService users;
  OrdersService orders;
  users.createUser("ada");
  orders.placeOrder(1);
}
