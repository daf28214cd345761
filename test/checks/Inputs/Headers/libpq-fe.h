// Mock of libpq-fe.h (PostgreSQL's C client API), trimmed to the connection
// functions with their real signatures.
#ifndef POOLGUARD_MOCK_LIBPQ_FE_H
#define POOLGUARD_MOCK_LIBPQ_FE_H
#ifndef NULL
#define NULL 0 /* from <stdio.h>, which the real header includes */
#endif
#ifdef __cplusplus
extern "C" {
#endif
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef enum { CONNECTION_OK, CONNECTION_BAD } ConnStatusType;
extern PGconn *PQconnectStart(const char *conninfo);
extern PGconn *PQconnectdb(const char *conninfo);
extern PGconn *PQconnectdbParams(const char *const *keywords,
                                 const char *const *values, int expand_dbname);
extern PGconn *PQsetdbLogin(const char *pghost, const char *pgport,
                            const char *pgoptions, const char *pgtty,
                            const char *dbName, const char *login,
                            const char *pwd);
#define PQsetdb(M_PGHOST, M_PGPORT, M_PGOPT, M_PGTTY, M_DBNAME)                \
  PQsetdbLogin(M_PGHOST, M_PGPORT, M_PGOPT, M_PGTTY, M_DBNAME, NULL, NULL)
extern void PQfinish(PGconn *conn);
extern ConnStatusType PQstatus(const PGconn *conn);
extern PGresult *PQexec(PGconn *conn, const char *query);
extern void PQclear(PGresult *res);
#ifdef __cplusplus
}
#endif
#endif
