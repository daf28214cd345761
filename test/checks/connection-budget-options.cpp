// RUN: %check_tidy -check-suffix=REPLICAS %s poolguard-connection-budget %t -- -config="{CheckOptions: {poolguard-connection-budget.Replicas: 3}}"
// RUN: %check_tidy -check-suffix=SERVER %s poolguard-connection-budget %t -- -config="{CheckOptions: {poolguard-connection-budget.MaxConnections: 50, poolguard-connection-budget.ReservedConnections: 20}}"
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' -config="{CheckOptions: {poolguard-connection-budget.MaxConnections: 500, poolguard-connection-budget.Replicas: 4}}" %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --check-prefix=BIG --allow-empty --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' -config="{CheckOptions: {poolguard-connection-budget.Replicas: 0}}" %s -- -std=c++17 -nostdinc++ -isystem %headers 2>&1 | %FileCheck %s --check-prefix=BAD

// One pool of 40 connections. Within the default budget (97); over it with
// three replicas (97 / 3 = 32 per process) or a smaller server (50 - 20).

#include <Poco/Data/SessionPool.h>

void orders() {
  Poco::Data::SessionPool pool("PostgreSQL", "host=db dbname=orders", 1, 40);
  // CHECK-MESSAGES-REPLICAS: :[[@LINE-1]]:27: warning: pools of database '{{.*}}' may open 40 connections, more than the 32 available ((100 max_connections - 3 reserved) / 3 replicas); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-MESSAGES-SERVER: :[[@LINE-2]]:27: warning: pools of database '{{.*}}' may open 40 connections, more than the 30 available (50 max_connections - 20 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
}
// BIG-NOT: warning:
// BAD: warning: invalid option 'Replicas': 0; expected at least 1 [clang-tidy-config]
