// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme-roots.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme-roots.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// Without the model, factories are not roots:
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// A scope mapped to an unknown lifetime is an error naming file, line and key:
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-duplicate-pooled-provider' -config="{CheckOptions: {poolguard-duplicate-pooled-provider.ModelFiles: '%S/Inputs/models/acme-roots-invalid.json'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers > %t.invalid 2>&1 || true
// RUN: %FileCheck %s --check-prefix=INVALID < %t.invalid
// INVALID: {{warning|error}}: cannot load poolguard models: {{.*}}acme-roots-invalid.json:10: scopeLifetimes['acme::singleton'] must be one of: per-registration, per-name, per-type, per-module, per-injector, global

// Composition roots named by a user model: Acme's server and worker
// factories each build their own Database, so each has its own pool.

#include <memory>
#include <soci/soci.h>

class Database {
public:
  Database() : pool_(24) {}

private:
  soci::connection_pool pool_;
};
class Server {
public:
  explicit Server(std::shared_ptr<Database> db);
};
class Worker {
public:
  explicit Worker(std::shared_ptr<Database> db);
};

namespace acme {
#ifndef FIXED
std::unique_ptr<Server> makeServer() {
  return std::make_unique<Server>(std::make_shared<Database>());
}
std::unique_ptr<Worker> makeWorker() {
  return std::make_unique<Worker>(std::make_shared<Database>());
  // CHECK: :[[@LINE-1]]:35: warning: 'Database' owns a connection pool and is provided again by 'acme::makeWorker'; its 2 registrations in 2 modules create 2 instances, each with its own pool; provide it once in a shared module and inject it elsewhere [poolguard-duplicate-pooled-provider]
  // CHECK: :35:35: note: 'Database' is also provided by 'acme::makeServer' here
  // CHECK: :21:25: note: 'Database' owns a pool: member 'pool_' of type 'soci::connection_pool'
}
#else
// The fix: the factories take the one Database the program builds.
std::unique_ptr<Server> makeServer(std::shared_ptr<Database> db) {
  return std::make_unique<Server>(db);
}
std::unique_ptr<Worker> makeWorker(std::shared_ptr<Database> db) {
  return std::make_unique<Worker>(db);
}
// FIXED-NOT: warning:
#endif
} // namespace acme
