#include "OrdersService.h"
#include "UsersService.h"

void UsersService::createUser(const char *) {}
void OrdersService::placeOrder(int) {}
