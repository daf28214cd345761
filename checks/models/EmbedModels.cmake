# Writes every model file into a C++ include as (file name, text) pairs.
set(content "// Generated from checks/models/*.json; do not edit.\n")
foreach(f ${FILES})
  file(READ ${f} text)
  get_filename_component(name ${f} NAME)
  string(APPEND content "{\"${name}\", R\"pgmodel(${text})pgmodel\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "${content}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.tmp ${OUT})
