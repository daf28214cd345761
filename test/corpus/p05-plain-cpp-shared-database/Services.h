// The fix of the plain C++ incident: the services share main's Database.
#pragma once
#include "Database.h"
#include <memory>

class UsersService {
public:
  explicit UsersService(Database &db) : db_(db) {}

private:
  Database &db_;
};

class OrdersService {
public:
  explicit OrdersService(std::shared_ptr<Database> db) : db_(std::move(db)) {}

private:
  std::shared_ptr<Database> db_;
};
