// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// max_connections is a server's limit: the pools of every database on one
// server (host and port) share it. Two databases on one PostgreSQL server,
// 60 connections each, are 120 against 97.

#include <libpq-fe.h>
#include <vector>

class OrdersPool {
public:
  OrdersPool() {
    for (int I = 0; I < 60; ++I)
      conns_.push_back(PQconnectdb("host=pg.internal dbname=orders"));
  }

private:
  std::vector<PGconn *> conns_;
};

class BillingPool {
public:
  BillingPool() {
    for (int I = 0; I < 60; ++I)
#ifndef FIXED
      conns_.push_back(PQconnectdb("host=pg.internal port=5432 dbname=billing"));
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: pools of server 'pg.internal:5432' (databases 'host=pg.internal port=5432 dbname=billing', 'host=pg.internal dbname=orders') may open 120 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
    // CHECK-NOTES: :15:24: note: pool of 60 connections created here (1 instance)
    // CHECK-NOTES: :[[@LINE-3]]:24: note: pool of 60 connections created here (1 instance)
    // CHECK-NOTES: :[[@LINE-4]]:24: note: 2 pools × 60 = 120 > 97 available
#else
      // The billing database lives on its own server: its own limit.
      conns_.push_back(PQconnectdb("host=pg-billing.internal dbname=billing"));
#endif
  }

private:
  std::vector<PGconn *> conns_;
};
// FIXED-NOT: warning:
