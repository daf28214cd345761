// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Hypodermic's lifetimes: a registration is transient unless
// .singleInstance() is called on its descriptor (RegistrationDescriptorInfo's
// Lifetime defaults to InstanceLifetimes::Transient, and the container
// activates a transient registration again on every resolve). A transient
// pool owner gives every consumer its own instance, so its own pool, from a
// single registration. registerInstance hands out the one object it is
// given.

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

class AuditStore {
public:
  AuditStore() : pool_(4) {}

private:
  soci::connection_pool pool_;
};

// Two consumers, each resolving its own instance when transient.
class UsersRepository {
public:
  explicit UsersRepository(std::shared_ptr<IPrismaService> db);
};
class OrdersRepository {
public:
  explicit OrdersRepository(std::shared_ptr<IPrismaService> db);
};

#ifndef FIXED
void DiDatabase(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<PrismaService>().as<IPrismaService>();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PrismaService' owns a connection pool and is made by 'DiDatabase' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :25:25: note: 'PrismaService' owns a pool: member 'pool_' of type 'soci::connection_pool'
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<AuditStore>();
  });
  // CHECK-NOTES: :[[@LINE-3]]:11: warning: 'AuditStore' owns a connection pool and is made by 'DiDatabase' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
  // CHECK-NOTES: :33:25: note: 'AuditStore' owns a pool: member 'pool_' of type 'soci::connection_pool'
  builder.registerType<UsersRepository>();
  builder.registerType<OrdersRepository>();
}
#else
// The fix: one instance per registration, shared by every consumer.
void DiDatabase(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<PrismaService>().as<IPrismaService>().singleInstance();
  // Transient registrations of classes that own no pool are fine.
  builder.registerType<UsersRepository>();
  builder.registerType<OrdersRepository>();
}
void DiAudit(Hypodermic::ContainerBuilder &builder) {
  builder.registerInstanceFactory([](Hypodermic::ComponentContext &) {
    return std::make_shared<AuditStore>();
  }).singleInstance();
}
// An object made once and handed to the container is one instance.
class ReportStore {
  soci::connection_pool pool_{2};
};
void DiReports(Hypodermic::ContainerBuilder &builder,
               std::shared_ptr<ReportStore> store) {
  builder.registerInstance(store);
}
// FIXED-NOT: warning:
#endif
