#include <QtSql/QSqlDatabase>

int main() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL");
  db.setHostName("pg.internal");
  db.setDatabaseName("reports");
  return db.open() ? 0 : 1;
}
