// RUN: %check_tidy -std=c++20 %s poolguard-connection-budget %t -- -- '-DCONFIG="%S/Inputs/drogon-config/config.json"'
// RUN: %check_tidy -check-suffix=CONFIG -std=c++20 %s poolguard-connection-budget %t -- -- '-DCONFIG="%S/Inputs/drogon-config/threads.json"' -DNO_SET_THREADS
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/config.json"' -DNO_SET_THREADS 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Drogon: a fast DbClient opens its connections once per IO loop plus the
// main loop: (threads + 1) x number_of_connections. The thread count comes
// from app().setThreadNum(n) or the config file's app.number_of_threads;
// Drogon's default is 1 thread, so 2 x.

#include <drogon/drogon.h>

int main() {
#ifndef NO_SET_THREADS
  drogon::app().setThreadNum(4);
#endif
  drogon::app().loadConfigFile(CONFIG);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: pools of database 'host=events.internal port=5432 databaseName=events' may open 100 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: pool of 20 connections created here (1 instance, × 5: a fast DbClient opens its connections once per IO loop plus the main loop: (threads + 1) x number_of_connections (setThreadNum(4)))
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 20 × 5 = 100 > 97 available
  // CHECK-NOTES-CONFIG: :[[@LINE-4]]:17: warning: pools of database 'host=events.internal port=5432 databaseName=events' may open 100 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
  // CHECK-NOTES-CONFIG: :[[@LINE-5]]:17: note: pool of 20 connections created here (1 instance, × 5: a fast DbClient opens its connections once per IO loop plus the main loop: (threads + 1) x number_of_connections (app.number_of_threads 4 in threads.json))
  // CHECK-NOTES-CONFIG: :[[@LINE-6]]:17: note: 20 × 5 = 100 > 97 available
  drogon::app().run();
}
// Without a thread count, 20 x (1 + 1) = 40 fits.
// FIXED-NOT: warning:
