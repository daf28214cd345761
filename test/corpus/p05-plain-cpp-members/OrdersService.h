#pragma once
#include "Database.h"
#include <memory>

class OrdersService {
public:
  OrdersService() : db_(std::make_unique<Database>()) {}
  void placeOrder(int userId);

private:
  std::unique_ptr<Database> db_;
};
