// Without the ConfigFiles option, userver configs are discovered beside the
// sources: static_config.yaml and config*.yaml in the TU's directory or its
// configs/ subdirectory, else in the nearest parent that has them, up to the
// repository or build root (.git or compile_commands.json).
// RUN: rm -rf %t.dir && mkdir -p %t.dir/service/src %t.dir/service/configs
// RUN: cp %S/Inputs/userver-config/static_config.yaml %S/Inputs/userver-config/config_vars.yaml %t.dir/service/configs/
// RUN: cp %s %t.dir/service/src/main.cpp && touch %t.dir/service/compile_commands.json
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %t.dir/service/src/main.cpp -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --implicit-check-not='{{warning|error}}:'
// Above the root marker nothing is searched:
// RUN: rm -rf %t.far && mkdir -p %t.far/configs %t.far/repo/src && touch %t.far/repo/compile_commands.json
// RUN: cp %S/Inputs/userver-config/static_config.yaml %S/Inputs/userver-config/config_vars.yaml %t.far/configs/
// RUN: cp %s %t.far/repo/src/main.cpp
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %t.far/repo/src/main.cpp -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --check-prefix=FAR --allow-empty --implicit-check-not='{{warning|error}}:'
// FAR-NOT: warning:

#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>

using namespace userver;

void AppendStorage(components::ComponentList &list) {
  list.Append<components::Postgres>("users-database");
  list.Append<components::Postgres>("routes-database");
  // CHECK: main.cpp:[[@LINE-1]]:8: warning: another connection pool to database 'postgresql://postgres:driver@localhost:5432/postgres' is created here; 2 pools reach it
}
