// userver configs are discovered by the model's fileNames, static_config.yaml
// and config*.yaml: a service whose only config is configs/config_dev.yaml
// is joined with it. Without any config file the components' pools are still
// pools: the budget lists them with an unknown database and size, saying
// that no configuration file was found, instead of leaving them out.
// RUN: rm -rf %t.dir && mkdir -p %t.dir/service/src %t.dir/service/configs %t.dir/service/.git
// RUN: cp %S/Inputs/userver-config-dev/config_dev.yaml %t.dir/service/configs/
// RUN: cp %s %t.dir/service/src/main.cpp
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %t.dir/service/src/main.cpp -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --implicit-check-not='{{warning|error}}:'
// The fix: one component.
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %t.dir/service/src/main.cpp -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'
// FIXED-NOT: warning:
// No configuration file at all: no finding, and the budget says why.
// RUN: rm -rf %t.none && mkdir -p %t.none/service/src %t.none/service/.git
// RUN: cp %s %t.none/service/src/main.cpp
// RUN: %poolguard --quiet --checks=-*,poolguard-repeated-pool,poolguard-connection-budget --report=budget %t.none/service/src/main.cpp -- -std=c++17 -nostdinc++ -isystem %headers | %FileCheck %s --check-prefix=NONE --implicit-check-not='{{warning|error}}:'
// NONE: connection budget: max_connections 100, reserved 3, replicas 1
// NONE-NEXT: database 'an unknown database': 0 of 97 available per process; pools of unknown size not counted
// NONE-NEXT: main.cpp:[[@LINE+11]]:8: userver-postgres size unknown (no configuration file found for 'users-database'; set the ConfigFiles option) x 1 instance(s) x 1 = not counted
// NONE-NEXT: database 'an unknown database': 0 of 97 available per process; pools of unknown size not counted
// NONE-NEXT: main.cpp:[[@LINE+10]]:8: userver-postgres size unknown (no configuration file found for 'routes-database'; set the ConfigFiles option) x 1 instance(s) x 1 = not counted

#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>

using namespace userver;

void AppendStorage(components::ComponentList &list) {
#ifndef FIXED
  list.Append<components::Postgres>("users-database");
  list.Append<components::Postgres>("routes-database");
  // CHECK: main.cpp:[[@LINE-1]]:8: warning: another connection pool to database 'postgresql://app@pg-dev:5432/app' is created here; 2 pools reach it
#else
  list.Append<components::Postgres>("postgres-db");
#endif
}
