#pragma once
#include "Database.h"

class UsersService {
public:
  void createUser(const char *name);

private:
  Database db_; // poolguard-expect: poolguard-duplicate-pooled-provider
};
