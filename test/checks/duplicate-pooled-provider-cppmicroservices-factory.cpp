// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// CppMicroServices: a ServiceFactory's GetService runs once per consuming
// bundle (a PrototypeServiceFactory's once per request), so a pool-owning
// service it makes there is one pool per consumer. The fix registers one
// shared instance.

#include <cppmicroservices/BundleActivator.h>
#include <cppmicroservices/ServiceFactory.h>
#include <memory>
#include <soci/soci.h>

class IStore {
public:
  virtual ~IStore();
};
class PgStore : public IStore {
public:
  PgStore() : pool_(10) {}

private:
  soci::connection_pool pool_;
};
class ICache {
public:
  virtual ~ICache();
};
// Owns no pool: a factory for it is fine.
class MemoryCache : public ICache {};

#ifndef FIXED
class StoreFactory : public cppmicroservices::ServiceFactory {
public:
  cppmicroservices::InterfaceMapConstPtr
  GetService(const cppmicroservices::Bundle &,
             const cppmicroservices::ServiceRegistrationBase &) override {
    return cppmicroservices::MakeInterfaceMap<IStore>(
        std::make_shared<PgStore>());
    // CHECK-NOTES: :[[@LINE-2]]:12: warning: 'PgStore' owns a connection pool and is made by 'StoreFactory' for each consumer; every consumer gets its own instance and pool; register one shared instance instead [poolguard-duplicate-pooled-provider]
    // CHECK-NOTES: :23:25: note: 'PgStore' owns a pool: member 'pool_' of type 'soci::connection_pool'
  }
  void UngetService(const cppmicroservices::Bundle &,
                    const cppmicroservices::ServiceRegistrationBase &,
                    const cppmicroservices::InterfaceMapConstPtr &) override {}
};
#endif

class CacheFactory : public cppmicroservices::ServiceFactory {
public:
  cppmicroservices::InterfaceMapConstPtr
  GetService(const cppmicroservices::Bundle &,
             const cppmicroservices::ServiceRegistrationBase &) override {
    return cppmicroservices::MakeInterfaceMap<ICache>(
        std::make_shared<MemoryCache>());
  }
  void UngetService(const cppmicroservices::Bundle &,
                    const cppmicroservices::ServiceRegistrationBase &,
                    const cppmicroservices::InterfaceMapConstPtr &) override {}
};

// A factory that hands every consumer the one store it made: one pool.
class SharedStoreFactory : public cppmicroservices::ServiceFactory {
public:
  cppmicroservices::InterfaceMapConstPtr
  GetService(const cppmicroservices::Bundle &,
             const cppmicroservices::ServiceRegistrationBase &) override {
    return cppmicroservices::MakeInterfaceMap<IStore>(store_);
  }
  void UngetService(const cppmicroservices::Bundle &,
                    const cppmicroservices::ServiceRegistrationBase &,
                    const cppmicroservices::InterfaceMapConstPtr &) override {}

private:
  std::shared_ptr<PgStore> store_ = std::make_shared<PgStore>();
};

class Activator : public cppmicroservices::BundleActivator {
  void Start(cppmicroservices::BundleContext context) override {
#ifndef FIXED
    context.RegisterService<IStore>(
        cppmicroservices::ToFactory(std::make_shared<StoreFactory>()));
#else
    // The fix: one store, shared by every consumer.
    context.RegisterService<IStore>(std::make_shared<PgStore>());
#endif
    context.RegisterService<ICache>(
        cppmicroservices::ToFactory(std::make_shared<CacheFactory>()));
  }
  void Stop(cppmicroservices::BundleContext) override {}
};
// FIXED-NOT: warning:
