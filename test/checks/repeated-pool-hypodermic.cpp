// RUN: %check_tidy %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Pools built inside Hypodermic instance factories of two layers, on the same
// database: each factory is a pool of its own.

#include <Hypodermic/Hypodermic.h>
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

class IUserStore {
public:
  virtual ~IUserStore();
};

void DiLogic(Hypodermic::ContainerBuilder &builder) {
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<Poco::Data::SessionPool>("PostgreSQL", std::getenv("USERS_DB"));
  });
}

#ifndef FIXED
void DiReports(Hypodermic::ContainerBuilder &builder) {
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<Poco::Data::SessionPool>("PostgreSQL", std::getenv("USERS_DB"), 1, 4);
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: another connection pool to database 'connector=PostgreSQL connectionString=$USERS_DB' is created here; 2 pools reach it
    // CHECK-NOTES: :18:12: note: first pool to 'connector=PostgreSQL connectionString=$USERS_DB' created here
  });
}
#else
// The fix: the reports layer resolves the pool the logic layer registered.
void DiReports(Hypodermic::ContainerBuilder &builder) {
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &context) {
    return context.resolve<Poco::Data::SessionPool>();
  });
}
// FIXED-NOT: warning:
#endif
