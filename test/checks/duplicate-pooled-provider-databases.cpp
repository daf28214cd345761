// RUN: %check_tidy %s poolguard-duplicate-pooled-provider %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Instances of one pool-owning class given connection strings where they are
// made: a duplicate only when they can reach the same database, or when the
// class fixes the database itself. Two instances given provably different
// databases are how a service uses two databases: correct code.

#include <Poco/Data/SessionPool.h>
#include <cstdlib>
#include <string>

// The database comes from the constructor.
class Database {
public:
  explicit Database(const std::string &url) : pool_("PostgreSQL", url, 1, 8) {}

private:
  Poco::Data::SessionPool pool_;
};

// The database is fixed by the class: every instance reads DATABASE_URL.
class PrismaService {
public:
  explicit PrismaService(const std::string &schema)
      : pool_("PostgreSQL", std::getenv("DATABASE_URL"), 1, 8), schema_(schema) {}

private:
  Poco::Data::SessionPool pool_;
  std::string schema_;
};

int main() {
  Database orders("postgresql://orders-db:5432/orders");
  Database users("postgresql://users-db:5432/users");
#ifndef FIXED
  // The same server and database, spelled another way: a second pool.
  Database reports("host=orders-db port=5432 dbname=orders");
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'Database' owns a connection pool and is provided again by 'main'; its 2 registrations in 1 module create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // The strings are not databases: both instances reach DATABASE_URL.
  PrismaService publicSchema("public");
  PrismaService auditSchema("audit");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'PrismaService' owns a connection pool and is provided again by 'main'; its 2 registrations in 1 module create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
#else
  // The fix: reports share the orders pool; one PrismaService.
  Database &reports = orders;
  PrismaService prisma("public");
  // FIXED-NOT: warning:
#endif
}
