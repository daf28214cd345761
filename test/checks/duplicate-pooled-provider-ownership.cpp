// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %check_tidy -check-suffix=CHAIN %s poolguard-duplicate-pooled-provider %t -- -- -DCHAIN
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DNOTBUILT 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// The incident in plain C++: a Database that opens its own pool to the
// DATABASE_URL, held by value (or made in the constructor) by every service
// main builds. Each service makes its own Database, so the program holds
// one pool per service to one database.

#include <soci/soci.h>
#include <cstdlib>
#include <memory>

class Database {
public:
  Database() : pool_(8) {
    for (std::size_t I = 0; I != 8; ++I)
      pool_.at(I).open("postgresql", std::getenv("DATABASE_URL"));
  }

private:
  soci::connection_pool pool_;
};

#if defined(FIXED)
// The fix: one Database, made by main, passed to every service.
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
int main() {
  auto db = std::make_shared<Database>();
  UsersService users(*db);
  OrdersService orders(db);
}
// FIXED-NOT: warning:
#elif defined(NOTBUILT)
// Holders that nothing builds (no root, no framework, no holder) make no
// instance that poolguard can count.
class UsersService {
  Database db_;
};
class OrdersService {
  std::unique_ptr<Database> db_ = std::make_unique<Database>();
};
#elif defined(CHAIN)
// Ownership is followed transitively: the App main builds holds two
// services, each with its own Database.
class UsersService {
  Database db_;
};
class OrdersService {
public:
  OrdersService() : db_(std::make_shared<Database>()) {}
private:
  std::shared_ptr<Database> db_;
};
class App {
  UsersService users_;
  OrdersService orders_;
};
int main() { App app; }
// CHECK-NOTES-CHAIN: :65:29: warning: 'Database' owns a connection pool and 'OrdersService' holds its own 'Database' in member 'db_'; the program makes 2 instances of it, each with its own pool; create one and pass it to every holder (by reference or std::shared_ptr) [poolguard-duplicate-pooled-provider]
// CHECK-NOTES-CHAIN: :59:12: note: 'UsersService' holds its own 'Database' in member 'db_' here
// CHECK-NOTES-CHAIN: :23:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
#else
class UsersService {
  Database db_;
};
class OrdersService {
public:
  OrdersService() : db_(std::make_unique<Database>()) {}
private:
  std::unique_ptr<Database> db_;
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'Database' owns a connection pool and 'OrdersService' holds its own 'Database' in member 'db_'; the program makes 3 instances of it, each with its own pool; create one and pass it to every holder (by reference or std::shared_ptr) [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :77:12: note: 'UsersService' holds its own 'Database' in member 'db_' here
  // CHECK-NOTES: :[[@LINE+4]]:29: note: 'BillingService' holds its own 'Database' in member 'db_' here
  // CHECK-NOTES: :23:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
};
struct BillingService {
  std::shared_ptr<Database> db_ = std::make_shared<Database>();
};
int main() {
  UsersService users;
  auto orders = std::make_unique<OrdersService>();
  BillingService billing;
}
#endif
