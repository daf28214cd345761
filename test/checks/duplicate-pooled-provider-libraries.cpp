// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Services owning pool-library objects (catalogued pool types), provided
// twice through Hypodermic: by type, by instance and by factory.

#include <Hypodermic/Hypodermic.h>
#include <Poco/Data/SessionPool.h>
#include <sw/redis++/redis++.h>
#include <memory>

class SessionStore {
public:
  SessionStore();

private:
  std::unique_ptr<sw::redis::Redis> redis_;
};

class Inventory : public Poco::Data::SessionPool {
public:
  Inventory();
};

void DiWeb(Hypodermic::ContainerBuilder &builder) {
  builder.registerInstance(std::make_shared<SessionStore>());
  builder.registerType<Inventory>().singleInstance();
}

void DiAdmin(Hypodermic::ContainerBuilder &builder) {
#ifndef FIXED
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<SessionStore>();
  });
  // CHECK-NOTES: :[[@LINE-3]]:11: warning: 'SessionStore' owns a connection pool and is provided again by 'DiAdmin'
  // CHECK-NOTES: :26:11: note: 'SessionStore' is also provided by 'DiWeb' here
  // CHECK-NOTES: :17:37: note: 'SessionStore' owns a pool: member 'redis_' of type 'std::unique_ptr<sw::redis::Redis>'
  builder.registerType<Inventory>();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'Inventory' owns a connection pool and is provided again by 'DiAdmin'
  // CHECK-NOTES: :27:11: note: 'Inventory' is also provided by 'DiWeb' here
  // CHECK-NOTES: :20:19: note: 'Inventory' owns a pool: base class 'Poco::Data::SessionPool'
#endif
}
// FIXED-NOT: warning:
