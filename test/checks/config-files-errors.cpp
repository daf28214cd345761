// A configuration file poolguard cannot read is a configuration error naming
// the file, the line and the key (or the YAML/JSON syntax error); the code is
// still analyzed without it.
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config/malformed.yaml'}}" %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/config.json"' > %t.yaml 2>&1 || true
// RUN: %FileCheck %s --check-prefix=YAML < %t.yaml
// YAML: error: cannot read poolguard configuration file: {{.*}}malformed.yaml:4:36: Could not find closing ]! [clang-tidy-config]
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' -config="{CheckOptions: {ConfigFiles: '%S/Inputs/userver-config-bad-size/static_config.yaml'}}" %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/config.json"' > %t.size 2>&1 || true
// RUN: %FileCheck %s --check-prefix=SIZE < %t.size
// SIZE: error: cannot read poolguard configuration file: {{.*}}static_config.yaml:5: key 'components_manager.components.users-database.max_pool_size' must be an integer; got 'lots' [clang-tidy-config]
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/malformed.json"' > %t.json 2>&1 || true
// RUN: %FileCheck %s --check-prefix=JSON < %t.json
// JSON: error: cannot read poolguard configuration file: {{.*}}malformed.json:4: invalid JSON: syntax error while parsing object - unexpected string literal; expected '}' [clang-tidy-config]
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/missing.json"' > %t.missing 2>&1 || true
// RUN: %FileCheck %s --check-prefix=MISSING < %t.missing
// MISSING: error: cannot read poolguard configuration file: cannot read configuration file '{{.*}}missing.json': No such file or directory [clang-tidy-config]

#include <drogon/drogon.h>
#include <userver/components/component_list.hpp>
#include <userver/storages/postgres/component.hpp>

void configure(userver::components::ComponentList &list) {
  list.Append<userver::components::Postgres>("users-database");
  drogon::app().loadConfigFile(CONFIG);
}
