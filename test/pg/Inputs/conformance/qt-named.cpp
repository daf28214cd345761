// Qt SQL (QPSQL): two connection names to one database, each opened.
#include "probe.h"
#include <QtSql/QSqlDatabase>

int main() {
  QSqlDatabase Orders = QSqlDatabase::addDatabase("QPSQL", "orders");
  Orders.setDatabaseName("app");
  QSqlDatabase Reports = QSqlDatabase::addDatabase("QPSQL", "reports");
  Reports.setDatabaseName("app");
  if (!Orders.open() || !Reports.open())
    return 1;
  return holdAndProbe();
}
