// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// An in-house pool type poolguard has no model for, marked with the
// poolguard::pool annotation; ownership goes through a smart pointer and a
// member of another class.

#include <Hypodermic/Hypodermic.h>
#include <memory>

class [[clang::annotate("poolguard::pool")]] PgPool {
public:
  explicit PgPool(int size);
};

class Database {
public:
  Database() : pool_(std::make_shared<PgPool>(16)) {}

private:
  std::shared_ptr<PgPool> pool_;
};

class CatalogService {
  Database db_;
};

class NotAPool {};
class Stateless {
  NotAPool helper_;
};

void DiCatalog(Hypodermic::ContainerBuilder &builder) {
  builder.registerType<CatalogService>().singleInstance();
  builder.registerType<Stateless>();
}

void DiSearch(Hypodermic::ContainerBuilder &builder) {
  // Owns no pool: registering it twice is not this check's business.
  builder.registerType<Stateless>();
#ifndef FIXED
  builder.registerType<CatalogService>().singleInstance();
  // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'CatalogService' owns a connection pool and is provided again by 'DiSearch'
  // CHECK-NOTES: :34:11: note: 'CatalogService' is also provided by 'DiCatalog' here
  // CHECK-NOTES: :25:12: note: 'CatalogService' owns a pool: member 'db_' of type 'Database', which owns a pool: member 'pool_' of type 'std::shared_ptr<PgPool>'
#endif
}
// FIXED-NOT: warning:
