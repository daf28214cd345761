// RUN: %check_tidy -std=c++17 %s poolguard-repeated-pool %t -- -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}"
// RUN: %check_tidy -check-suffix=DUP -std=c++17 %s poolguard-duplicate-pooled-provider %t -- -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}"
// RUN: %check_tidy -check-suffix=BUDGET -std=c++17 %s poolguard-connection-budget %t -- -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml', poolguard-connection-budget.MaxConnections: 80}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/static_config.yaml;%S/Inputs/userver-config/config_vars.yaml'}}" %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// userver: each components::Postgres appended under a name is its own
// component with its own pool; the pool's database is the dbconnection of
// that name's block in static_config.yaml (here through $dbconnection from
// config_vars.yaml). Five names on one dbconnection are five pools.

#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>
#include <userver/utils/daemon_run.hpp>

using namespace userver;

#ifndef FIXED
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList()
                  .Append<components::Postgres>("avatars-database")
                  .Append<components::Postgres>("fellows-database")
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: another connection pool to database 'postgresql://postgres:driver@localhost:5432/postgres' is created here; 5 pools reach it
                  .Append<components::Postgres>("friends-database")
                  .Append<components::Postgres>("routes-database")
                  .Append<components::Postgres>("users-database");
  // CHECK-MESSAGES-BUDGET: :[[@LINE-1]]:20: warning: pools of database 'postgresql://postgres:driver@localhost:5432/postgres' may open 90 connections, more than the 77 available (80 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // One finding for the five pools, at the second; the others are its
  // notes. poolguard-duplicate-pooled-provider leaves these named pools of
  // one configured database to this check (the DUP run expects nothing).
  return utils::DaemonMain(argc, argv, list);
}
#else
// The fix: one Postgres component; every handler finds it by its name.
void AppendStorage(components::ComponentList &list) {
  list.Append<components::Postgres>("postgres-db");
  // Other databases are other pools, not repeated ones.
  list.Append<components::Postgres>("analytics-database");
  list.Append<components::Postgres>("secrets-database");
}
// The same name appended twice is a startup error in userver
// ("Attempt to add a duplicate component"), not a second pool.
void AppendHandlers(components::ComponentList &list) {
  list.Append<components::Postgres>("postgres-db");
}
// A name without a block in the static config is not joined.
void AppendUnconfigured(components::ComponentList &list) {
  list.Append<components::Postgres>("not-in-the-config");
  list.Append<components::Postgres>("not-in-the-config-either");
}
int main(int argc, char *argv[]) {
  auto list = components::MinimalServerComponentList();
  AppendStorage(list);
  AppendHandlers(list);
  AppendUnconfigured(list);
  return utils::DaemonMain(argc, argv, list);
}
// FIXED-NOT: warning:
#endif
