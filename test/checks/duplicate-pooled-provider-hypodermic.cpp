// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// The incident in one TU: a service owning a pool, registered by the app's
// registration function and by two feature modules. Separate registerType
// calls are separate instances in Hypodermic, singleInstance() or not; one
// without singleInstance() is transient, an instance per consumer.

#include <Hypodermic/Hypodermic.h>
#include <soci/soci.h>

class IPrismaService {
public:
  virtual ~IPrismaService();
};

class PrismaService : public IPrismaService {
public:
  PrismaService() : pool_(10) {}

private:
  soci::connection_pool pool_;
};

class UsersController {};
class OrdersController {};

void DiApp(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<PrismaService>().as<IPrismaService>().singleInstance();
}

void DiUsers(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<UsersController>();
#ifndef FIXED
  builder.registerType<PrismaService>().singleInstance();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PrismaService' owns a connection pool and is provided again by 'DiUsers'
  // CHECK-NOTES: :29:11: note: 'PrismaService' is also provided by 'DiApp' here
  // CHECK-NOTES: :46:11: note: 'PrismaService' is also provided by 'DiOrders' here
  // CHECK-NOTES: :22:25: note: 'PrismaService' owns a pool: member 'pool_' of type 'soci::connection_pool'
#endif
}

void DiOrders(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<OrdersController>();
#ifndef FIXED
  builder.registerType<PrismaService>();
  // One finding for the three registrations, at the second (DiUsers). This
  // one, without .singleInstance(), is also transient (an instance per
  // consumer); the group's finding covers it: one issue, one finding.
#endif
}

// The fixed program registers the service once; the feature modules resolve
// it from the same container.
// FIXED-NOT: warning:

void DiInit(Hypodermic::ContainerBuilder &builder) {
  DiApp(builder);
  DiUsers(builder);
  DiOrders(builder);
}
