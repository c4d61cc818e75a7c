// The README.md that `budgetpress site init` writes into a new overlay, for the bureau's clerk.
#pragma once

namespace bp::cli {

inline constexpr const char* kSiteReadme = R"(# 站点配置（本单位的自定义配置）

这个目录放本单位自己的配置。BudgetPress 生成文档时，先用程序自带的默认配置，再用这里的文件
**逐个文件**覆盖：这里有的文件（按相同的相对路径）代替默认的同名文件，这里没有的文件仍用默认的。
空目录不影响任何结果。

## 怎样使用

    budgetpress --site 本目录 check 部门文件.yaml
    budgetpress --site 本目录 build -o 输出目录 部门文件或目录

也可以设置环境变量，之后每条命令都会使用本目录：

    export BUDGETPRESS_SITE=本目录

查看每个文件最终用的是本目录的还是默认的：

    budgetpress --site 本目录 site show

## 各子目录放什么

| 子目录 | 内容 | 例子 |
|---|---|---|
| `catalog/function/` | 支出功能分类科目，一年一个文件 `年度.tsv` | `catalog/function/2025.tsv`（可用 `budgetpress --site 本目录 catalog import 科目表.xlsx --year 2025 --kind function` 生成） |
| `catalog/economic/` | 部门预算支出经济分类科目 `年度.tsv` | `catalog/economic/2025.tsv` |
| `catalog/function-notes/` | 功能分类名词解释 `年度.tsv` | 由科目表的“说明”列生成 |
| `profiles/` | 年度格式（公开表的种类、标题、表头） | 复制默认的 `config/profiles/2024.yaml` 后修改 |
| `themes/` | 主题：页面、字号、字体 | 复制默认的 `config/themes/default.yaml` 后修改字体名 |
| `templates/` | 说明部分的模板 | `templates/2024/overall.mustache` |
| `templates/blocks/` | 固定语句（blocks），每句一个文件 | `templates/blocks/budget_principle.mustache` |
| `fonts/` | 本单位有授权的字体文件（.ttf、.otf、.ttc） | 放入后在主题里写字体的名称 |

## 注意

* 文件用 UTF-8 编码保存。
* 改动这里的任何文件后，`build` 会重新生成受影响的部门（清单里记录了本目录每个文件的校验值）。
* 本目录有错（主题写错、字体找不到、科目目录格式不对）时，程序在处理任何部门之前就停止，
  退出码为 2，并指出出错的文件。
)";

}  // namespace bp::cli
