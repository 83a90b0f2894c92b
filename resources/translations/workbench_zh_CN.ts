<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AgentsPage</name>
    <message>
      <source>A rate card from a spreadsheet is imported on the command line: &lt;code&gt;python -m app import rates FILE.xlsx --db PATH&lt;/code&gt; (a template: &lt;code&gt;python -m app template rates --out rates.xlsx&lt;/code&gt;; Chinese headers 首重, 续重, 抛比 are read).</source>
      <translation>从表格导入运价表请用命令行：&lt;code&gt;python -m app import rates FILE.xlsx --db PATH&lt;/code&gt;（模板：&lt;code&gt;python -m app template rates --out rates.xlsx&lt;/code&gt;；可识别中文表头 首重、续重、抛比）。</translation>
    </message>
    <message>
      <source>Service fee minimum / 最低服务费</source>
      <translation>最低服务费</translation>
    </message>
    <message>
      <source>Handling per parcel / 操作费</source>
      <translation>操作费（每个包裹）</translation>
    </message>
    <message>
      <source>Consolidation per box / 合箱费</source>
      <translation>合箱费（每箱）</translation>
    </message>
    <message>
      <source>Repack per parcel / 去包装费</source>
      <translation>去包装费（每个包裹）</translation>
    </message>
    <message>
      <source>Insurance % / 保险费率</source>
      <translation>保险费率 %</translation>
    </message>
    <message>
      <source>Insurance minimum / 最低保费</source>
      <translation>最低保费</translation>
    </message>
    <message>
      <source>Storage per parcel-month / 仓储费</source>
      <translation>仓储费（每包裹每月）</translation>
    </message>
    <message>
      <source>Carton tare (kg) / 纸箱重量</source>
      <translation>纸箱重量（公斤）</translation>
    </message>
    <message>
      <source>Packing factor / 合箱系数</source>
      <translation>合箱体积系数</translation>
    </message>
    <message>
      <source>Repack factor / 去包装系数</source>
      <translation>去包装体积系数</translation>
    </message>
    <message>
      <source>The carton tare must be 0 kg or more, not {value}.</source>
      <translation>纸箱重量必须不小于 0 公斤，而不是 {value}。</translation>
    </message>
    <message>
      <source>The packing factor must be 1 or more, not {value}.</source>
      <translation>合箱体积系数必须不小于 1，而不是 {value}。</translation>
    </message>
    <message>
      <source>The repack factor must be more than 0 and at most 1, not {value}.</source>
      <translation>去包装体积系数必须大于 0 且不超过 1，而不是 {value}。</translation>
    </message>
    <message>
      <source>A box of several parcels, or a repacked one, is a new carton: the parcels' weight + the tare; their volume × the packing factor (1 or more: the gaps), or × the repack factor when the suppliers' boxes are removed (at most 1). Empty: the default shown.</source>
      <translation>多个包裹合成的箱子或去包装后的箱子都用新纸箱：重量 = 包裹重量 + 纸箱重量；体积 = 包裹体积 × 合箱体积系数（不小于 1：箱间空隙），去掉供应商外箱时 × 去包装体积系数（不超过 1）。留空：使用显示的默认值。</translation>
    </message>
    <message>
      <source>{percent} to {limit}</source>
      <translation>{limit} 以内 {percent}</translation>
    </message>
    <message>
      <source>{tiers}; min {minimum}</source>
      <translation>{tiers}；最低 {minimum}</translation>
    </message>
    <message>
      <source>, then </source>
      <translation>，之后 </translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Currency / 币种</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Service fee / 服务费</source>
      <translation>服务费</translation>
    </message>
    <message>
      <source>on the order value</source>
      <translation>按订单金额计</translation>
    </message>
    <message>
      <source>Free storage / 免费仓储</source>
      <translation>免费仓储</translation>
    </message>
    <message>
      <source>{days} days</source>
      <translation>{days} 天</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>线路数</translation>
    </message>
    <message>
      <source>Parcels</source>
      <translation>包裹数</translation>
    </message>
    <message>
      <source>Packing / 包装</source>
      <translation>包装</translation>
    </message>
    <message>
      <source>{tare} kg · ×{packing} · repack ×{repack}</source>
      <translation>纸箱 {tare} 公斤 · ×{packing} · 去包装 ×{repack}</translation>
    </message>
    <message>
      <source>Carton tare, packing factor and repack factor</source>
      <translation>纸箱重量、合箱体积系数和去包装体积系数</translation>
    </message>
    <message>
      <source>Line / 线路</source>
      <translation>线路</translation>
    </message>
    <message>
      <source>Pricing / 运价</source>
      <translation>运价</translation>
    </message>
    <message>
      <source>Limits / 限制</source>
      <translation>限制</translation>
    </message>
    <message>
      <source>Transit / 时效</source>
      <translation>时效</translation>
    </message>
    <message>
      <source>New a&amp;gent</source>
      <translation>新建代理(&amp;G)</translation>
    </message>
    <message>
      <source>Delete agent…</source>
      <translation>删除代理…</translation>
    </message>
    <message>
      <source>New &amp;line</source>
      <translation>新建线路(&amp;L)</translation>
    </message>
    <message>
      <source>Delete line…</source>
      <translation>删除线路…</translation>
    </message>
    <message>
      <source>Agent fees / 代理费用</source>
      <translation>代理费用</translation>
    </message>
    <message>
      <source>Rate card / 运价表</source>
      <translation>运价表</translation>
    </message>
    <message>
      <source>&lt;b&gt;Agents / 代理&lt;/b&gt; (purchasing agents and forwarders)</source>
      <translation>&lt;b&gt;代理&lt;/b&gt;（代购与集运转运商）</translation>
    </message>
    <message>
      <source>&lt;b&gt;Lines / 线路&lt;/b&gt;</source>
      <translation>&lt;b&gt;线路&lt;/b&gt;</translation>
    </message>
  </context>
  <context>
    <name>AgreedTermsForm</name>
    <message>
      <source>Quality standard 质量标准</source>
      <translation>质量标准</translation>
    </message>
    <message>
      <source>Packaging and labels 包装</source>
      <translation>包装与标签</translation>
    </message>
    <message>
      <source>After-sales 售后</source>
      <translation>售后</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Agreed terms 成交条件</source>
      <translation>成交条件</translation>
    </message>
    <message>
      <source>agreed unit price</source>
      <translation>成交单价</translation>
    </message>
    <message>
      <source>pieces</source>
      <translation>件数</translation>
    </message>
    <message>
      <source>&amp;Valid until 有效期至</source>
      <translation>有效期至(&amp;V)</translation>
    </message>
    <message>
      <source>{code}: {name} ({name_zh})</source>
      <translation>{code}：{name_zh}</translation>
    </message>
    <message>
      <source>Custom instalments</source>
      <translation>自定义分期</translation>
    </message>
    <message>
      <source>days; empty = not agreed</source>
      <translation>天；留空 = 未约定</translation>
    </message>
    <message>
      <source>Mark as a&amp;greed</source>
      <translation>标记为已成交(&amp;G)</translation>
    </message>
    <message>
      <source>Clear agreement</source>
      <translation>清除成交</translation>
    </message>
    <message>
      <source>&amp;Unit price 单价</source>
      <translation>单价(&amp;U)</translation>
    </message>
    <message>
      <source>Quantit&amp;y 数量</source>
      <translation>数量(&amp;Y)</translation>
    </message>
    <message>
      <source>Total 总价</source>
      <translation>总价</translation>
    </message>
    <message>
      <source>P&amp;ayment plan</source>
      <translation>付款方式(&amp;A)</translation>
    </message>
    <message>
      <source>Instalments</source>
      <translation>分期</translation>
    </message>
    <message>
      <source>Risk 风险</source>
      <translation>风险</translation>
    </message>
    <message>
      <source>Trade term (&amp;Incoterm)</source>
      <translation>贸易术语(&amp;I)</translation>
    </message>
    <message>
      <source>Lead time, days 交期</source>
      <translation>交期（天）</translation>
    </message>
    <message>
      <source>Not agreed yet: fill in the terms, then mark them as agreed.</source>
      <translation>尚未成交：填写条件后标记为已成交。</translation>
    </message>
    <message>
      <source>an unknown date</source>
      <translation>日期未知</translation>
    </message>
    <message>
      <source>&lt;b&gt;✓ Agreed&lt;/b&gt; on {date}.</source>
      <translation>&lt;b&gt;✓ 已成交&lt;/b&gt;（{date}）。</translation>
    </message>
    <message>
      <source>the unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>the quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Enter the unit price and the quantity.</source>
      <translation>请输入单价和数量。</translation>
    </message>
    <message>
      <source>the lead time (days)</source>
      <translation>交期（天）</translation>
    </message>
    <message>
      <source>Enter the agreed unit price.</source>
      <translation>请输入成交单价。</translation>
    </message>
    <message>
      <source>Enter the agreed quantity.</source>
      <translation>请输入成交数量。</translation>
    </message>
  </context>
  <context>
    <name>AnswersModel</name>
    <message>
      <source>Section</source>
      <translation>检查类别</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>✔ pass</source>
      <translation>✔ 合格</translation>
    </message>
    <message>
      <source>✘ fail</source>
      <translation>✘ 不合格</translation>
    </message>
    <message>
      <source>n/a</source>
      <translation>不适用</translation>
    </message>
    <message>
      <source>Press P pass, F fail, N not applicable; Delete clears.</source>
      <translation>按 P 合格，F 不合格，N 不适用；Delete 清除。</translation>
    </message>
    <message>
      <source>★ Critical: a fail here fails the whole audit.</source>
      <translation>★ 关键项：此项不合格，整个验厂即不通过。</translation>
    </message>
    <message>
      <source>Photo references, separated by commas (e.g. IMG_2041, 车间-2.jpg).</source>
      <translation>照片编号，用逗号分隔（例如 IMG_2041, 车间-2.jpg）。</translation>
    </message>
    <message>
      <source>'{text}': answer P (pass), F (fail) or N (not applicable).</source>
      <translation>“{text}”：请回答 P（合格）、F（不合格）或 N（不适用）。</translation>
    </message>
    <message>
      <source>'{text}' is not a number of {unit}.</source>
      <translation>“{text}”不是以{unit}为单位的数字。</translation>
    </message>
    <message>
      <source>'{text}' is not a number of units.</source>
      <translation>“{text}”不是数字。</translation>
    </message>
    <message>
      <source>{item}: a number, zero or more (not {number}).</source>
      <translation>{item}：应为零或正数（不能是 {number}）。</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Open another database…</source>
      <translation>打开其他数据库…</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
  </context>
  <context>
    <name>AuditForm</name>
    <message>
      <source>Self (own visit)</source>
      <translation>自行验厂（实地走访）</translation>
    </message>
    <message>
      <source>Bureau Veritas (BV)</source>
      <translation>必维国际检验集团 (BV)</translation>
    </message>
    <message>
      <source>Other agency</source>
      <translation>其他机构</translation>
    </message>
    <message>
      <source>passed</source>
      <translation>通过</translation>
    </message>
    <message>
      <source>conditional</source>
      <translation>有条件通过</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>不通过</translation>
    </message>
    <message>
      <source>not decided</source>
      <translation>未判定</translation>
    </message>
    <message>
      <source>person or inspector's name</source>
      <translation>本人或验厂员姓名</translation>
    </message>
    <message>
      <source>overall notes</source>
      <translation>总体备注</translation>
    </message>
    <message>
      <source>From the score</source>
      <translation>按得分判定</translation>
    </message>
    <message>
      <source>Set by hand: {result}</source>
      <translation>手动设定：{result}</translation>
    </message>
    <message>
      <source>why the result is set by hand</source>
      <translation>手动设定结果的原因</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <source>Auditor</source>
      <translation>验厂方</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Keys: P pass · F fail · N not applicable (then the next item) · type numbers and text · Alt+R the remark · Ctrl+S saves. ★ marks a critical item.</source>
      <translation>按键：P 合格 · F 不合格 · N 不适用（随后跳到下一项）· 数字和文字直接输入 · Alt+R 填写备注 · Ctrl+S 保存。★ 表示关键项。</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Enter the audit date, e.g. 2026-11-29.</source>
      <translation>请输入验厂日期，例如 2026-11-29。</translation>
    </message>
    <message>
      <source>unknown (no pass/fail answer yet)</source>
      <translation>未知（还没有合格/不合格的回答）</translation>
    </message>
    <message>
      <source>★ critical failures: {count}</source>
      <translation>★ 关键项不合格：{count}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Score {percent}&lt;/b&gt; · {passed} pass · {failed} fail · {not_applicable} n/a · {unanswered} unanswered{critical} · by the score: &lt;b&gt;{result}&lt;/b&gt;</source>
      <translation>&lt;b&gt;得分 {percent}&lt;/b&gt; · 合格 {passed} · 不合格 {failed} · 不适用 {not_applicable} · 未回答 {unanswered}{critical} · 按得分：&lt;b&gt;{result}&lt;/b&gt;</translation>
    </message>
  </context>
  <context>
    <name>AuditsDialog</name>
    <message>
      <source>Audits — {supplier}</source>
      <translation>验厂记录 — {supplier}</translation>
    </message>
    <message>
      <source>&amp;Templates…</source>
      <translation>模板(&amp;T)…</translation>
    </message>
    <message>
      <source>Copy and edit checklist templates per product category</source>
      <translation>按产品类目复制和编辑检查表模板</translation>
    </message>
    <message>
      <source>&amp;New audit</source>
      <translation>新建验厂(&amp;N)</translation>
    </message>
    <message>
      <source>Start an audit on a copy of the chosen template (Ctrl+N)</source>
      <translation>以所选模板的副本开始一次验厂 (Ctrl+N)</translation>
    </message>
    <message>
      <source>Delete audit…</source>
      <translation>删除验厂…</translation>
    </message>
    <message>
      <source>&amp;Blank checklist…</source>
      <translation>空白检查表(&amp;B)…</translation>
    </message>
    <message>
      <source>A PDF to hand to an agent: empty fields for any supplier</source>
      <translation>交给代理的 PDF：各栏留空，适用于任何供应商</translation>
    </message>
    <message>
      <source>Checklist for this &amp;supplier…</source>
      <translation>此供应商的检查表(&amp;S)…</translation>
    </message>
    <message>
      <source>A PDF with this supplier's details and capacity filled in</source>
      <translation>已填好此供应商资料和产能的 PDF</translation>
    </message>
    <message>
      <source>Template</source>
      <translation>模板</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Store the answers, date, auditor and result (Ctrl+S)</source>
      <translation>保存回答、日期、验厂方和结果 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Print pre&amp;view…</source>
      <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Export PDF…</source>
      <translation>导出 PDF(&amp;E)…</translation>
    </message>
    <message>
      <source>Attach p&amp;hotos…</source>
      <translation>添加照片(&amp;H)…</translation>
    </message>
    <message>
      <source>Photos for the selected item, kept in the photo store</source>
      <translation>所选检查项的照片，保存在照片库中</translation>
    </message>
    <message>
      <source>No audits yet: choose a template and press New audit.</source>
      <translation>还没有验厂记录：请选择模板，然后点“新建验厂”。</translation>
    </message>
    <message>
      <source>Saved. Capacity seen now shows in the Capacity &amp; Credit matrix.</source>
      <translation>已保存。实地看到的产能现在显示在“产能与信用”矩阵中。</translation>
    </message>
    <message>
      <source>Select the item the photos show first.</source>
      <translation>请先选择照片所对应的检查项。</translation>
    </message>
    <message>
      <source>Attach photos</source>
      <translation>添加照片</translation>
    </message>
    <message>
      <source>Delete audit</source>
      <translation>删除验厂</translation>
    </message>
    <message>
      <source>Delete the audit of {date} with its answers and the capacity facts it recorded?</source>
      <translation>删除 {date} 的验厂记录，连同其回答和所记录的产能数据？</translation>
    </message>
    <message>
      <source>A photo file could not be removed: {error}</source>
      <translation>无法删除照片文件：{error}</translation>
    </message>
    <message>
      <source>Unsaved answers</source>
      <translation>回答未保存</translation>
    </message>
    <message>
      <source>Save the answers of this audit first?</source>
      <translation>先保存这次验厂的回答吗？</translation>
    </message>
    <message>
      <source>No results yet</source>
      <translation>还没有结果</translation>
    </message>
    <message>
      <source>{reason}

Print the checklist to take to the visit instead?</source>
      <translation>{reason}

改为打印检查表，带去现场使用吗？</translation>
    </message>
    <message>
      <source>{date} · {auditor}
{template} · planned, nothing answered yet</source>
      <translation>{date} · {auditor}
{template} · 已计划，尚未作答</translation>
    </message>
    <message>
      <source>{date} · {auditor}
{template} · {percent} · {result} (set by hand)</source>
      <translation>{date} · {auditor}
{template} · {percent} · {result}（手动设定）</translation>
    </message>
    <message>
      <source>{date} · {auditor}
{template} · {percent} · {result}</source>
      <translation>{date} · {auditor}
{template} · {percent} · {result}</translation>
    </message>
  </context>
  <context>
    <name>BackupCounts</name>
    <message>
      <source>{count} suppliers</source>
      <translation>{count} 家供应商</translation>
    </message>
    <message>
      <source>{count} products</source>
      <translation>{count} 个产品</translation>
    </message>
    <message>
      <source>{count} samples</source>
      <translation>{count} 个样品</translation>
    </message>
    <message>
      <source>{count} audits</source>
      <translation>{count} 次验厂</translation>
    </message>
    <message>
      <source>{count} photos</source>
      <translation>{count} 张样品照片</translation>
    </message>
    <message>
      <source>{count} quotes</source>
      <translation>{count} 个报价</translation>
    </message>
    <message>
      <source>{count} orders</source>
      <translation>{count} 个订单</translation>
    </message>
    <message>
      <source>{count} parcels</source>
      <translation>{count} 个包裹</translation>
    </message>
    <message>
      <source>{count} parcel photos</source>
      <translation>{count} 张包裹照片</translation>
    </message>
    <message>
      <source>{count} shipments</source>
      <translation>{count} 票发货</translation>
    </message>
    <message>
      <source>, </source>
      <translation>，</translation>
    </message>
  </context>
  <context>
    <name>BreaksModel</name>
    <message>
      <source>From quantity / 起批量</source>
      <translation>起批量</translation>
    </message>
    <message>
      <source>Unit price / 单价</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>the quantity a break starts from</source>
      <translation>阶梯的起批量</translation>
    </message>
    <message>
      <source>Break {number}: type a whole quantity and a price (e.g. 100 and 2.80), not '{quantity}' and '{price}'.</source>
      <translation>第 {number} 档阶梯价：请输入整数数量和价格（如 100 和 2.80），而不是“{quantity}”和“{price}”。</translation>
    </message>
  </context>
  <context>
    <name>BulkEditDialog</name>
    <message>
      <source>{names} and {count} more</source>
      <translation>{names} 以及另外 {count} 家</translation>
    </message>
    <message>
      <source>Edit one supplier</source>
      <translation>编辑 1 家供应商</translation>
    </message>
    <message>
      <source>Set on {name}:</source>
      <translation>应用到 {name}：</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Edit {count} suppliers</source>
      <translation>编辑 {count} 家供应商</translation>
    </message>
    <message>
      <source>Set on all {count} selected suppliers: {names}</source>
      <translation>应用到所选的全部 {count} 家供应商：{names}</translation>
    </message>
    <message>
      <source>Apply to {count} suppliers</source>
      <translation>应用到 {count} 家供应商</translation>
    </message>
    <message>
      <source>(leave as it is)</source>
      <translation>（保持不变）</translation>
    </message>
    <message>
      <source>e.g. 工艺品; home decor</source>
      <translation>例如 工艺品; home decor</translation>
    </message>
    <message>
      <source>Added to each supplier's tags (separate several with ;); none is removed</source>
      <translation>添加到每家供应商的标签中（多个标签用 ; 分隔）；已有标签不会删除</translation>
    </message>
    <message>
      <source>&amp;Status</source>
      <translation>状态(&amp;S)</translation>
    </message>
    <message>
      <source>1688 &amp;membership</source>
      <translation>1688 会员等级(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Add tags</source>
      <translation>添加标签(&amp;A)</translation>
    </message>
    <message>
      <source>Ctrl+Z undoes the whole edit.</source>
      <translation>按 Ctrl+Z 可撤销整次编辑。</translation>
    </message>
  </context>
  <context>
    <name>CapacityForm</name>
    <message>
      <source>Dimension</source>
      <translation>维度</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Observed</source>
      <translation>核实日期</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Capacity facts</source>
      <translation>产能数据</translation>
    </message>
    <message>
      <source>{dimension} ({unit})</source>
      <translation>{dimension}（{unit}）</translation>
    </message>
    <message>
      <source>e.g. 80,000</source>
      <translation>例如 80,000 或 8万</translation>
    </message>
    <message>
      <source>optional, e.g. counted 3 lines running</source>
      <translation>选填，例如：现场数到 3 条线在运转</translation>
    </message>
    <message>
      <source>&amp;Record fact</source>
      <translation>记录数据(&amp;R)</translation>
    </message>
    <message>
      <source>Store this value; the old one stays in the history</source>
      <translation>保存此数值；旧数值保留在历史记录中</translation>
    </message>
    <message>
      <source>&amp;Value</source>
      <translation>数值(&amp;V)</translation>
    </message>
    <message>
      <source>Observed on</source>
      <translation>核实日期</translation>
    </message>
    <message>
      <source>Delete selected fact</source>
      <translation>删除所选数据</translation>
    </message>
    <message>
      <source>History (newest first; the first of each dimension counts)</source>
      <translation>历史记录（最新在前；每个维度以第一条为准）</translation>
    </message>
    <message>
      <source>Enter the {dimension} in {unit}.</source>
      <translation>请输入{dimension}（单位：{unit}）。</translation>
    </message>
    <message>
      <source>Select a fact in the history first.</source>
      <translation>请先在历史记录中选择一条数据。</translation>
    </message>
  </context>
  <context>
    <name>CertificationListModel</name>
    <message>
      <source>Expired on {date}, {days} day(s) ago: ask for a new one</source>
      <translation>已于 {date} 过期（{days} 天前）：请索取新证</translation>
    </message>
    <message>
      <source>Expires on {date}, in {days} day(s): ask for the renewal</source>
      <translation>将于 {date} 到期（还有 {days} 天）：请要求续期</translation>
    </message>
    <message>
      <source>Valid until {date}</source>
      <translation>有效期至 {date}</translation>
    </message>
  </context>
  <context>
    <name>ChecklistOutput</name>
    <message>
      <source>Export checklist</source>
      <translation>导出检查表</translation>
    </message>
    <message>
      <source>Saved the checklist to {file}.</source>
      <translation>检查表已保存到 {file}。</translation>
    </message>
    <message>
      <source>Print checklist</source>
      <translation>打印检查表</translation>
    </message>
  </context>
  <context>
    <name>CompareView</name>
    <message>
      <source>No photos of these samples yet: add them in each sample's gallery.</source>
      <translation>这些样品还没有照片：请在各样品的相册中添加。</translation>
    </message>
    <message>
      <source>Show the photos of one angle only</source>
      <translation>只显示某一角度的照片</translation>
    </message>
    <message>
      <source>{mark} Choose as golden sample</source>
      <translation>{mark} 设为封样</translation>
    </message>
    <message>
      <source>&amp;Export this comparison…</source>
      <translation>导出此对比(&amp;E)…</translation>
    </message>
    <message>
      <source>Just these samples, in this order, to Excel (.xlsx) or PDF: photos, costs, measurements, scores, defects and verdict</source>
      <translation>仅导出这些样品（按当前顺序）到 Excel (.xlsx) 或 PDF：照片、费用、测量、评分、瑕疵和结论</translation>
    </message>
    <message>
      <source>&lt;span style='background:{fill}; color:#1f1f1f'&gt;&amp;nbsp;{mark} bold&amp;nbsp;&lt;/span&gt; best in its row: lowest cost, closest to spec, highest score · ⓘ hover the row name: why nothing is marked · double-click a photo to open it</source>
      <translation>&lt;span style='background:{fill}; color:#1f1f1f'&gt;&amp;nbsp;{mark} 粗体&amp;nbsp;&lt;/span&gt; 为该行最佳：费用最低、最接近规格、评分最高 · ⓘ 鼠标悬停在行名上：查看为何未标记 · 双击照片可打开</translation>
    </message>
    <message>
      <source>Photos:</source>
      <translation>照片：</translation>
    </message>
    <message>
      <source>Pick 2 to 5 samples of a product to compare them.</source>
      <translation>请选择同一产品的 2 到 5 个样品进行对比。</translation>
    </message>
    <message>
      <source>{product}: {count} samples side by side</source>
      <translation>{product}：{count} 个样品并排对比</translation>
    </message>
    <message>
      <source>All angles</source>
      <translation>所有角度</translation>
    </message>
    <message>
      <source>Select a sample's column (click its header) first.</source>
      <translation>请先选择一个样品列（点击列标题）。</translation>
    </message>
    <message>
      <source>{supplier} is the golden sample already.</source>
      <translation>{supplier} 已是封样。</translation>
    </message>
    <message>
      <source>Make {supplier}'s sample the golden sample: the approved reference.</source>
      <translation>将 {supplier} 的样品设为封样：即认可的标准参照。</translation>
    </message>
    <message>
      <source>{mark} Choose {supplier}'s sample as golden sample</source>
      <translation>{mark} 将 {supplier} 的样品设为封样</translation>
    </message>
  </context>
  <context>
    <name>ComparisonModel</name>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Break</source>
      <translation>阶梯</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Goods</source>
      <translation>货款</translation>
    </message>
    <message>
      <source>Landed/unit</source>
      <translation>到岸成本/件</translation>
    </message>
    <message>
      <source>Selling</source>
      <translation>售价</translation>
    </message>
    <message>
      <source>Lead time</source>
      <translation>交期</translation>
    </message>
    <message>
      <source>Valid until</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>排名: by landed cost per unit, 1 = cheapest</source>
      <translation>排名：按每件到岸成本排序，1 = 最便宜</translation>
    </message>
    <message>
      <source>阶梯: the break that applies at this quantity (from its minimum, inclusive)</source>
      <translation>阶梯：此数量适用的价格阶梯（从其起批量起，含起批量）</translation>
    </message>
    <message>
      <source>单价: the applicable break's unit price, in the quote's currency</source>
      <translation>单价：适用阶梯的单价，以报价币种计</translation>
    </message>
    <message>
      <source>货款: unit price × ordered quantity, in the quote's currency</source>
      <translation>货款：单价 × 订购数量，以报价币种计</translation>
    </message>
    <message>
      <source>货款 in your home currency (the whole total converted once, rounded to the cent)</source>
      <translation>货款（本币）：整笔总额一次换算，四舍五入到分</translation>
    </message>
    <message>
      <source>到岸成本/件: goods, shipping, fees, freight, insurance, duty and VAT per unit (4 decimals)</source>
      <translation>到岸成本/件：每件分摊的货款、运费、服务费、国际运费、保险、关税和增值税（保留 4 位小数）</translation>
    </message>
    <message>
      <source>售价: the selling price for your target margin after the selling fee, rounded up</source>
      <translation>售价：扣除销售费用后达到目标毛利率的售价（向上取整）</translation>
    </message>
    <message>
      <source>有效期至: expired and expiring-within-7-days quotes are flagged</source>
      <translation>有效期至：已过期和 7 天内过期的报价会被标出</translation>
    </message>
    <message>
      <source>★ cheapest</source>
      <translation>★ 最便宜</translation>
    </message>
    <message>
      <source>⚠ too good to be true? ({pct} % below the median)</source>
      <translation>⚠ 低得可疑？（低于中位数 {pct} %）</translation>
    </message>
    <message>
      <source>⚠ too good to be true?</source>
      <translation>⚠ 低得可疑？</translation>
    </message>
    <message>
      <source>⚠ expired</source>
      <translation>⚠ 已过期</translation>
    </message>
    <message>
      <source>⚠ expires in {days} day(s)</source>
      <translation>⚠ {days} 天后过期</translation>
    </message>
    <message>
      <source>not valid yet</source>
      <translation>尚未生效</translation>
    </message>
    <message>
      <source>supplier #{id}</source>
      <translation>供应商 #{id}</translation>
    </message>
    <message>
      <source>cannot be priced</source>
      <translation>无法计价</translation>
    </message>
    <message>
      <source>{days} days</source>
      <translation>{days} 天</translation>
    </message>
    <message>
      <source>open</source>
      <translation>长期有效</translation>
    </message>
    <message>
      <source>{cost}: {amount} (not counted)</source>
      <translation>{cost}：{amount}（不计入）</translation>
    </message>
    <message>
      <source>Total: {amount}</source>
      <translation>合计：{amount}</translation>
    </message>
    <message>
      <source>⚠ cannot be shown</source>
      <translation>⚠ 无法显示</translation>
    </message>
    <message>
      <source>Defects</source>
      <translation>瑕疵</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>Supplier {id}</source>
      <translation>供应商 {id}</translation>
    </message>
    <message>
      <source>{mark} golden sample</source>
      <translation>{mark} 封样</translation>
    </message>
    <message>
      <source>Variant: {variant}</source>
      <translation>款式：{variant}</translation>
    </message>
    <message>
      <source>Status: {status}</source>
      <translation>状态：{status}</translation>
    </message>
    <message>
      <source>The golden sample: the approved reference for this product.</source>
      <translation>封样：本产品认可的标准参照。</translation>
    </message>
    <message>
      <source>Verdict: {verdict}</source>
      <translation>结论：{verdict}</translation>
    </message>
    <message>
      <source>no spec</source>
      <translation>无规格</translation>
    </message>
    <message>
      <source>spec {value}</source>
      <translation>规格 {value}</translation>
    </message>
    <message>
      <source>{price} (free)</source>
      <translation>{price}（免费）</translation>
    </message>
    <message>
      <source>✓ pass</source>
      <translation>✓ 合格</translation>
    </message>
    <message>
      <source>✗ fail</source>
      <translation>✗ 不合格</translation>
    </message>
    <message>
      <source>on spec</source>
      <translation>符合规格</translation>
    </message>
    <message>
      <source>Not entered yet.</source>
      <translation>尚未填写。</translation>
    </message>
  </context>
  <context>
    <name>ComparisonPage</name>
    <message>
      <source>landed cost / unit</source>
      <translation>到岸成本/件</translation>
    </message>
    <message>
      <source>goods cost / unit</source>
      <translation>货款/件</translation>
    </message>
    <message>
      <source>{quantity}: saves {saving}</source>
      <translation>{quantity}：节省 {saving}</translation>
    </message>
    <message>
      <source> pcs</source>
      <translation> 件</translation>
    </message>
    <message>
      <source>The quantity you plan to order: every quote is priced at it</source>
      <translation>计划订购的数量：所有报价都按此数量计价</translation>
    </message>
    <message>
      <source>Compare at / 计划数量:</source>
      <translation>计划数量：</translation>
    </message>
    <message>
      <source>Unit price against quantity</source>
      <translation>单价随数量变化</translation>
    </message>
    <message>
      <source>pieces</source>
      <translation>件数</translation>
    </message>
    <message>
      <source>unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>planned {quantity}</source>
      <translation>计划 {quantity}</translation>
    </message>
    <message>
      <source>No quotes yet: add one on the Quote page, paste it or import it.</source>
      <translation>还没有报价：在“报价”页添加、粘贴或导入报价。</translation>
    </message>
    <message>
      <source>Quantity advisor</source>
      <translation>订量建议</translation>
    </message>
    <message>
      <source>per unit</source>
      <translation>每件</translation>
    </message>
    <message>
      <source>Choose a quote to see where a bigger order pays</source>
      <translation>选择一个报价，查看加大订量在哪里划算</translation>
    </message>
    <message>
      <source>landed per unit, {currency}</source>
      <translation>每件到岸成本，{currency}</translation>
    </message>
    <message>
      <source>goods (no exchange rate or shipping yet) per unit, {currency}</source>
      <translation>每件货款（尚无汇率或运费），{currency}</translation>
    </message>
    <message>
      <source>Quantity advisor: {supplier}</source>
      <translation>订量建议：{supplier}</translation>
    </message>
    <message>
      <source>No break pays for itself.</source>
      <translation>没有哪一档阶梯价划算。</translation>
    </message>
    <message>
      <source>{count} pcs</source>
      <translation>{count} 件</translation>
    </message>
    <message>
      <source>Market: no quote can be priced at this quantity.</source>
      <translation>市场：没有报价能按此数量计价。</translation>
    </message>
    <message>
      <source>Market at {quantity} pcs ({count} quotes, {currency}): min {min} · max {max} · mean {mean} · median {median} · quantity-weighted mean {weighted}. Quotes more than {pct} % below the median are flagged 'too good to be true'.</source>
      <translation>市场（{quantity} 件，{count} 个报价，{currency}）：最低 {min} · 最高 {max} · 平均 {mean} · 中位数 {median} · 按数量加权平均 {weighted}。低于中位数超过 {pct} % 的报价标为“低得可疑”。</translation>
    </message>
    <message>
      <source>The latest shipment's freight ({amount} per unit) has no exchange rate to {home}: the landed cost uses the freight of Landed cost.</source>
      <translation>最近一票发货的运费（每件 {amount}）没有兑 {home} 的汇率：到岸成本仍用“到岸成本”页的运费。</translation>
    </message>
    <message>
      <source>Freight: {amount} per unit, allocated from the latest shipment carrying this product (Consolidation), in place of the freight of Landed cost.</source>
      <translation>运费：每件 {amount}，按最近一票装有此产品的发货分摊（集运），代替“到岸成本”页的运费。</translation>
    </message>
  </context>
  <context>
    <name>ConsolidationEntry</name>
    <message>
      <source>'{text}' is not a whole number: {what}.</source>
      <translation>“{text}”不是整数：{what}。</translation>
    </message>
    <message>
      <source>actual kg</source>
      <translation>按实重</translation>
    </message>
    <message>
      <source>table to {kg} kg ({rows} rows)</source>
      <translation>重量段价格表，至 {kg} kg（{rows} 行）</translation>
    </message>
    <message>
      <source>{price} per W/M, min {minimum}</source>
      <translation>每计费吨 {price}，最低 {minimum} W/M</translation>
    </message>
    <message>
      <source>L≤</source>
      <translation>最长边≤</translation>
    </message>
    <message>
      <source>L+girth≤</source>
      <translation>长+围≤</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>{days} days</source>
      <translation>{days} 天</translation>
    </message>
    <message>
      <source>{low}-{high} days</source>
      <translation>{low}-{high} 天</translation>
    </message>
    <message>
      <source>handling</source>
      <translation>操作费</translation>
    </message>
    <message>
      <source>repack</source>
      <translation>去包装</translation>
    </message>
    <message>
      <source>insurance</source>
      <translation>保险</translation>
    </message>
    <message>
      <source>storage</source>
      <translation>仓储费</translation>
    </message>
    <message>
      <source>Freight {freight} + fuel {fuel} + per-box fees {box_fees} + agent fees {fees}{details} = &lt;b&gt;{total}&lt;/b&gt;. </source>
      <translation>运费 {freight} + 燃油附加费 {fuel} + 单箱费 {box_fees} + 代理费 {fees}{details} = &lt;b&gt;{total}&lt;/b&gt;。</translation>
    </message>
    <message>
      <source>The split is proven cheapest. </source>
      <translation>此分箱方式已证明最便宜。</translation>
    </message>
    <message>
      <source>The split is the best found (too many parcels to prove it). </source>
      <translation>此分箱方式是找到的最优解（包裹太多，无法证明最便宜）。</translation>
    </message>
    <message>
      <source>Consolidating saves {amount} over sending each parcel alone.</source>
      <translation>合箱比每个包裹单独寄省 {amount}。</translation>
    </message>
    <message>
      <source>First weight / 首重 kg</source>
      <translation>首重 (kg)</translation>
    </message>
    <message>
      <source>First price</source>
      <translation>首重价格</translation>
    </message>
    <message>
      <source>Additional step / 续重 kg</source>
      <translation>续重 (kg)</translation>
    </message>
    <message>
      <source>Step price</source>
      <translation>续重价格</translation>
    </message>
    <message>
      <source>Price per W/M</source>
      <translation>每计费吨 (W/M) 价格</translation>
    </message>
    <message>
      <source>kg per m³ (1000)</source>
      <translation>每立方米折算公斤 (1000)</translation>
    </message>
    <message>
      <source>Minimum W/M (1)</source>
      <translation>最低计费吨 W/M (1)</translation>
    </message>
    <message>
      <source>W/M step</source>
      <translation>计费吨进位</translation>
    </message>
    <message>
      <source>Max weight per box / 单箱限重 (kg)</source>
      <translation>单箱限重 (kg)</translation>
    </message>
    <message>
      <source>Max longest side / 最长边 (cm)</source>
      <translation>最长边上限 (cm)</translation>
    </message>
    <message>
      <source>Max L + 2W + 2H / 长+围 (cm)</source>
      <translation>长+围上限 (长+2宽+2高, cm)</translation>
    </message>
    <message>
      <source>Max sum of sides / 三边和 (cm)</source>
      <translation>三边和上限 (cm)</translation>
    </message>
  </context>
  <context>
    <name>ConsolidationTab</name>
    <message>
      <source>Unsaved order</source>
      <translation>订单未保存</translation>
    </message>
    <message>
      <source>The order form has unsaved changes. Save them?</source>
      <translation>订单表单有未保存的修改，是否保存？</translation>
    </message>
    <message>
      <source>Add the supplier on the Suppliers tab first.</source>
      <translation>请先在“供应商”标签页添加该供应商。</translation>
    </message>
    <message>
      <source>Order {order} saved.</source>
      <translation>订单 {order} 已保存。</translation>
    </message>
    <message>
      <source>Select the orders to move on.</source>
      <translation>请选择要推进状态的订单。</translation>
    </message>
    <message>
      <source>{count} order(s) moved on: now {status}.</source>
      <translation>{count} 个订单已推进到下一状态：现为 {status}。</translation>
    </message>
    <message>
      <source>Set: {status}</source>
      <translation>设为：{status}</translation>
    </message>
    <message>
      <source>Delete orders</source>
      <translation>删除订单</translation>
    </message>
    <message>
      <source>Delete {count} order(s) with their items? The parcels that carry them stay.</source>
      <translation>删除 {count} 个订单及其商品？装有这些订单的包裹会保留。</translation>
    </message>
    <message>
      <source>Unsaved parcel</source>
      <translation>包裹未保存</translation>
    </message>
    <message>
      <source>The parcel form has unsaved changes. Save them?</source>
      <translation>包裹表单有未保存的修改，是否保存？</translation>
    </message>
    <message>
      <source>product #{id}</source>
      <translation>产品 #{id}</translation>
    </message>
  </context>
  <context>
    <name>ConsolidationTabView</name>
    <message>
      <source>&amp;New order</source>
      <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;New parcel</source>
      <translation>新建包裹(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;New line</source>
      <translation>新建线路(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Orders / 订单</source>
      <translation>订单(&amp;O)</translation>
    </message>
    <message>
      <source>Pa&amp;rcels / 包裹</source>
      <translation>包裹(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Agents &amp;&amp; lines / 代理与线路</source>
      <translation>代理与线路(&amp;A)</translation>
    </message>
    <message>
      <source>P&amp;lanner / 方案</source>
      <translation>方案(&amp;L)</translation>
    </message>
    <message>
      <source>S&amp;hipments / 发货</source>
      <translation>发货(&amp;H)</translation>
    </message>
    <message>
      <source>Ad&amp;vance status</source>
      <translation>推进状态(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Delete…</source>
      <translation>删除(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Plan selected parcels</source>
      <translation>为所选包裹计算方案(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>查找(&amp;F)</translation>
    </message>
    <message>
      <source>New a&amp;gent</source>
      <translation>新建代理(&amp;G)</translation>
    </message>
    <message>
      <source>No agents or orders yet</source>
      <translation>还没有代理或订单</translation>
    </message>
    <message>
      <source>Follow your 1688 orders until their parcels wait at your agent's warehouse, then let the planner find the cheapest way home on the agent's lines, and record the shipment.&lt;br&gt;&lt;br&gt;First add your agent with its fees, then its lines (rate cards) on the Agents &amp;amp; lines page; then record each order as you place it (its supplier comes from the Suppliers tab).</source>
      <translation>跟踪您的 1688 订单，直到包裹到达代理仓库，再由方案找出代理各条线路中最便宜的发货方式，并记录这批发货。&lt;br&gt;&lt;br&gt;先添加代理及其费用，再在“代理与线路”页添加它的线路（运价表）；然后每下一笔订单就记录一笔（供应商来自“供应商”标签页）。</translation>
    </message>
    <message>
      <source> or </source>
      <translation> 或 </translation>
    </message>
  </context>
  <context>
    <name>CostLinesModel</name>
    <message>
      <source>not counted (VAT reclaimable)</source>
      <translation>不计入（增值税可抵扣）</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>成本项</translation>
    </message>
    <message>
      <source>Basis</source>
      <translation>计费基数</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Total landed cost 到岸成本</source>
      <translation>到岸成本合计</translation>
    </message>
    <message>
      <source>counted lines</source>
      <translation>计入的各项之和</translation>
    </message>
    <message>
      <source>The {percent} % is taken of {basis}</source>
      <translation>按 {basis} 的 {percent} % 计</translation>
    </message>
    <message>
      <source>{price} per unit ({units} units)</source>
      <translation>每件 {price}（共 {units} 件）</translation>
    </message>
    <message>
      <source>No low-value relief: duty and VAT from the first unit of value.</source>
      <translation>无低值免税：关税和增值税从第一笔货值起征。</translation>
    </message>
    <message>
      <source>&lt;b&gt;In force on {date}&lt;/b&gt; — {rule}</source>
      <translation>&lt;b&gt;{date} 适用&lt;/b&gt; — {rule}</translation>
    </message>
    <message>
      <source>until further notice</source>
      <translation>直至另行通知</translation>
    </message>
    <message>
      <source>until {end}</source>
      <translation>至 {end}</translation>
    </message>
    <message>
      <source>from {start}</source>
      <translation>自 {start} 起</translation>
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation>{start} 至 {end}</translation>
    </message>
    <message>
      <source>{method}, after a {fee} fee: {price}</source>
      <translation>{method}，扣除 {fee} 销售费用后：{price}</translation>
    </message>
    <message>
      <source>{line} — a {margin} margin on price, a {markup} markup on cost.</source>
      <translation>{line} — 售价毛利率 {margin}，成本加价率 {markup}。</translation>
    </message>
  </context>
  <context>
    <name>CostModel</name>
    <message>
      <source>Part</source>
      <translation>成本项</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Typical</source>
      <translation>常见范围</translation>
    </message>
    <message>
      <source>Room 空间</source>
      <translation>议价空间</translation>
    </message>
    <message>
      <source>Outside the typical {low}-{high} % for {part}</source>
      <translation>超出{part}的常见范围 {low}-{high} %</translation>
    </message>
    <message>
      <source>{room} room: {lever}</source>
      <translation>议价空间{room}：{lever}</translation>
    </message>
  </context>
  <context>
    <name>CreditForm</name>
    <message>
      <source>Credit rating</source>
      <translation>信用评级</translation>
    </message>
    <message>
      <source>0-5, e.g. 4.7; empty = unknown</source>
      <translation>0-5，例如 4.7；留空 = 未知</translation>
    </message>
    <message>
      <source>whole number; empty = unknown</source>
      <translation>整数；留空 = 未知</translation>
    </message>
    <message>
      <source>The supplier's repeat-purchase rate (回头率), from its record: one value for the record and the credit rating. Change it on the Suppliers tab (Performance).</source>
      <translation>供应商的回头率，取自其档案：档案与信用评级共用一个数值。请在“供应商”标签页（表现）中修改。</translation>
    </message>
    <message>
      <source>none (use the rule's suggestion)</source>
      <translation>无（采用规则建议）</translation>
    </message>
    <message>
      <source>required with a manual rating</source>
      <translation>手动评级时必填</translation>
    </message>
    <message>
      <source>Save &amp;credit</source>
      <translation>保存信用(&amp;C)</translation>
    </message>
    <message>
      <source>Trading-volume trend</source>
      <translation>交易量趋势</translation>
    </message>
    <message>
      <source>Buyer reviews (of 5)</source>
      <translation>买家评分（满分 5）</translation>
    </message>
    <message>
      <source>Disputes, last 12 months</source>
      <translation>近 12 个月纠纷数</translation>
    </message>
    <message>
      <source>Repeat-purchase rate</source>
      <translation>回头率</translation>
    </message>
    <message>
      <source>Manual rating</source>
      <translation>手动评级</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>理由</translation>
    </message>
    <message>
      <source>How the rating was reached</source>
      <translation>评级依据</translation>
    </message>
    <message>
      <source>Rating: &lt;b&gt;{rating}&lt;/b&gt; ({source}) — {meaning}</source>
      <translation>评级：&lt;b&gt;{rating}&lt;/b&gt;（{source}）— {meaning}</translation>
    </message>
    <message>
      <source>Rating: &lt;b&gt;{rating}&lt;/b&gt; ({source}); the rule suggests &lt;b&gt;{suggested}&lt;/b&gt; — {meaning}</source>
      <translation>评级：&lt;b&gt;{rating}&lt;/b&gt;（{source}）；规则建议 &lt;b&gt;{suggested}&lt;/b&gt; — {meaning}</translation>
    </message>
    <message>
      <source>'{text}' is not a whole number of disputes.</source>
      <translation>“{text}”不是纠纷数的整数。</translation>
    </message>
    <message>
      <source>{rate} (the supplier's 回头率; change it on the Suppliers tab)</source>
      <translation>{rate}（供应商的回头率；请在“供应商”标签页修改）</translation>
    </message>
    <message>
      <source>unknown: type the supplier's 回头率 on the Suppliers tab</source>
      <translation>未知：请在“供应商”标签页填写该供应商的回头率</translation>
    </message>
  </context>
  <context>
    <name>CurrentItem</name>
    <message>
      <source>a remark on this item, e.g. only 2 of 3 lines running</source>
      <translation>对此项的备注，例如：3 条线只有 2 条在运转</translation>
    </message>
    <message>
      <source>Stored with the answer when the audit is saved; Enter goes back to the list</source>
      <translation>保存验厂时随回答一起保存；按 Enter 回到列表</translation>
    </message>
    <message>
      <source>&amp;Remark</source>
      <translation>备注(&amp;R)</translation>
    </message>
  </context>
  <context>
    <name>CustomPlanEditor</name>
    <message>
      <source>Add instalment</source>
      <translation>添加分期</translation>
    </message>
    <message>
      <source>Instalment percentage</source>
      <translation>分期比例</translation>
    </message>
    <message>
      <source>On a date</source>
      <translation>指定日期</translation>
    </message>
    <message>
      <source>Remove this instalment</source>
      <translation>删除此分期</translation>
    </message>
    <message>
      <source>Remove instalment</source>
      <translation>删除分期</translation>
    </message>
    <message>
      <source>instalment {number}'s percentage</source>
      <translation>第 {number} 期的比例</translation>
    </message>
    <message>
      <source>Enter instalment {number}'s percentage.</source>
      <translation>请输入第 {number} 期的比例。</translation>
    </message>
  </context>
  <context>
    <name>DailyBackup</name>
    <message>
      <source>Today's automatic backup failed: {error}</source>
      <translation>今天的自动备份失败：{error}</translation>
    </message>
    <message>
      <source>Automatic backup made: {folder} ({summary})</source>
      <translation>已自动备份：{folder}（{summary}）</translation>
    </message>
  </context>
  <context>
    <name>DatabaseCommands</name>
    <message>
      <source>Workbench databases (*.sqlite3 *.db);;All files (*)</source>
      <translation>工作台数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
      <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
      <source>New database</source>
      <translation>新建数据库</translation>
    </message>
    <message>
      <source>{path} already exists. Choose a new name; existing files are never replaced.</source>
      <translation>{path} 已存在。请换一个新名称；已有文件永远不会被覆盖。</translation>
    </message>
    <message>
      <source>Open database</source>
      <translation>打开数据库</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Back up database to a new folder</source>
      <translation>将数据库备份到新文件夹</translation>
    </message>
    <message>
      <source>Backups (*.backup)</source>
      <translation>备份 (*.backup)</translation>
    </message>
    <message>
      <source>Backing up the database and its photos…</source>
      <translation>正在备份数据库及其照片…</translation>
    </message>
    <message>
      <source>Backed up to {folder} ({summary})</source>
      <translation>已备份到 {folder}（{summary}）</translation>
    </message>
    <message>
      <source>{error}

{file} was not replaced.</source>
      <translation>{error}

{file} 未被替换。</translation>
    </message>
    <message>
      <source>Restored {backup} ({summary}).</source>
      <translation>已恢复 {backup}（{summary}）。</translation>
    </message>
    <message>
      <source> The file as it was is kept as {file}.</source>
      <translation>原文件已另存为 {file}。</translation>
    </message>
    <message>
      <source>Import suppliers</source>
      <translation>导入供应商</translation>
    </message>
    <message>
      <source>Load demo data into a new file</source>
      <translation>将演示数据载入新文件</translation>
    </message>
    <message>
      <source>Making the demo database…</source>
      <translation>正在生成演示数据库…</translation>
    </message>
  </context>
  <context>
    <name>DateField</name>
    <message>
      <source>Type YYYY-MM-DD or pick from the calendar (F4); Delete leaves it blank</source>
      <translation>输入 YYYY-MM-DD 或从日历中选择 (F4)；按 Delete 留空</translation>
    </message>
  </context>
  <context>
    <name>DeleteQuestion</name>
    <message>
      <source>{count} sample</source>
      <translation>{count} 个样品</translation>
    </message>
    <message>
      <source>{count} samples</source>
      <translation>{count} 个样品</translation>
    </message>
    <message>
      <source>{count} photo</source>
      <translation>{count} 张照片</translation>
    </message>
    <message>
      <source>{count} photos</source>
      <translation>{count} 张照片</translation>
    </message>
    <message>
      <source>{count} audit</source>
      <translation>{count} 次验厂</translation>
    </message>
    <message>
      <source>{count} audits</source>
      <translation>{count} 次验厂</translation>
    </message>
    <message>
      <source>{count} quote</source>
      <translation>{count} 份报价</translation>
    </message>
    <message>
      <source>{count} quotes</source>
      <translation>{count} 份报价</translation>
    </message>
    <message>
      <source>{count} negotiation worksheet</source>
      <translation>{count} 份谈判表</translation>
    </message>
    <message>
      <source>{count} negotiation worksheets</source>
      <translation>{count} 份谈判表</translation>
    </message>
    <message>
      <source>{count} order</source>
      <translation>{count} 个订单</translation>
    </message>
    <message>
      <source>{count} orders</source>
      <translation>{count} 个订单</translation>
    </message>
    <message>
      <source>{count} capacity fact</source>
      <translation>{count} 条产能数据</translation>
    </message>
    <message>
      <source>{count} capacity facts</source>
      <translation>{count} 条产能数据</translation>
    </message>
    <message>
      <source>{count} performance evaluation</source>
      <translation>{count} 次绩效评估</translation>
    </message>
    <message>
      <source>{count} performance evaluations</source>
      <translation>{count} 次绩效评估</translation>
    </message>
    <message>
      <source>{count} credit rating</source>
      <translation>{count} 份信用评级</translation>
    </message>
    <message>
      <source>{count} credit ratings</source>
      <translation>{count} 份信用评级</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Delete {name} and its {things}?</source>
      <translation>删除 {name} 及其 {things}？</translation>
    </message>
    <message>
      <source>Delete {name}?</source>
      <translation>删除 {name}？</translation>
    </message>
    <message>
      <source>Its contacts, certifications and red flags go with it. You can undo this with Ctrl+Z.</source>
      <translation>其联系人、资质证书和风险信号也会一并删除。可以按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
      <source>Delete {count} suppliers and their {things}?</source>
      <translation>删除 {count} 家供应商及其 {things}？</translation>
    </message>
    <message>
      <source>Delete {count} suppliers?</source>
      <translation>删除 {count} 家供应商？</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… 以及另外 {count} 家</translation>
    </message>
    <message>
      <source>Their contacts, certifications and red flags go with them. You can undo this with Ctrl+Z.</source>
      <translation>这些供应商的联系人、资质证书和风险信号也会一并删除。可以按 Ctrl+Z 撤销。</translation>
    </message>
  </context>
  <context>
    <name>ErrorLabel</name>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
  </context>
  <context>
    <name>EvaluationForm</name>
    <message>
      <source>Performance evaluations</source>
      <translation>绩效评估</translation>
    </message>
    <message>
      <source>2026-Q4, 2026-H2, 2026-11 or 2026</source>
      <translation>2026-Q4、2026-H2、2026-11 或 2026</translation>
    </message>
    <message>
      <source>&amp;Period</source>
      <translation>考核期(&amp;P)</translation>
    </message>
    <message>
      <source>0-100; empty = not scored</source>
      <translation>0-100；留空 = 未评分</translation>
    </message>
    <message>
      <source>{criterion} ({covers})</source>
      <translation>{criterion}（{covers}）</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Score from sub-indicators</source>
      <translation>按子指标评分</translation>
    </message>
    <message>
      <source>{meaning}
Sub-score: {rule}</source>
      <translation>{meaning}
子项得分：{rule}</translation>
    </message>
    <message>
      <source>Save &amp;evaluation</source>
      <translation>保存评估(&amp;E)</translation>
    </message>
    <message>
      <source>Delete selected period</source>
      <translation>删除所选考核期</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>考核期</translation>
    </message>
    <message>
      <source>Weighted</source>
      <translation>加权分</translation>
    </message>
    <message>
      <source>Enter the period, e.g. 2026-Q4.</source>
      <translation>请输入考核期，例如 2026-Q4。</translation>
    </message>
    <message>
      <source>{criterion} has a score and sub-indicators: clear one of them.</source>
      <translation>{criterion}同时填了评分和子指标：请清除其中之一。</translation>
    </message>
    <message>
      <source>Select a period in the list first.</source>
      <translation>请先在列表中选择一个考核期。</translation>
    </message>
  </context>
  <context>
    <name>ExportCommands</name>
    <message>
      <source>This tab has nothing to export.</source>
      <translation>当前标签页没有可导出的内容。</translation>
    </message>
    <message>
      <source>Export {kind}</source>
      <translation>导出{kind}</translation>
    </message>
    <message>
      <source>Exported {scope} to {path}</source>
      <translation>已将 {scope} 导出到 {path}</translation>
    </message>
    <message>
      <source>Exported {scope} to {file}.</source>
      <translation>已将 {scope} 导出到 {file}。</translation>
    </message>
    <message>
      <source>This tab has nothing to print.</source>
      <translation>当前标签页没有可打印的内容。</translation>
    </message>
    <message>
      <source>Writing {scope}…</source>
      <translation>正在写入 {scope}…</translation>
    </message>
    <message>
      <source>Cancelled; no file written</source>
      <translation>已取消；未写入任何文件</translation>
    </message>
  </context>
  <context>
    <name>ExportKind</name>
    <message>
      <source>Suppliers</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Capacity &amp; Credit matrix</source>
      <translation>产能与信用矩阵</translation>
    </message>
    <message>
      <source>Samples comparison</source>
      <translation>样品对比</translation>
    </message>
    <message>
      <source>Negotiation comparison</source>
      <translation>谈判比价</translation>
    </message>
    <message>
      <source>Consolidation plan</source>
      <translation>集运方案</translation>
    </message>
  </context>
  <context>
    <name>ExportScope</name>
    <message>
      <source>all suppliers</source>
      <translation>全部供应商</translation>
    </message>
    <message>
      <source>the samples of all products</source>
      <translation>全部产品的样品</translation>
    </message>
    <message>
      <source>the quotes of all products</source>
      <translation>全部产品的报价</translation>
    </message>
    <message>
      <source>the parcels waiting at the agent</source>
      <translation>仓库中待发的包裹</translation>
    </message>
    <message>
      <source>1 supplier</source>
      <translation>1 家供应商</translation>
    </message>
    <message>
      <source>{count} suppliers</source>
      <translation>{count} 家供应商</translation>
    </message>
    <message>
      <source>1 product</source>
      <translation>1 个产品</translation>
    </message>
    <message>
      <source>{count} products</source>
      <translation>{count} 个产品</translation>
    </message>
    <message>
      <source>shipment {name}</source>
      <translation>发货 {name}</translation>
    </message>
  </context>
  <context>
    <name>FeesForm</name>
    <message>
      <source>&lt;b&gt;Agent&lt;/b&gt;</source>
      <translation>&lt;b&gt;代理&lt;/b&gt;</translation>
    </message>
    <message>
      <source>e.g. Superbuy</source>
      <translation>例如 Superbuy</translation>
    </message>
    <message>
      <source>Up to / 以下</source>
      <translation>以下</translation>
    </message>
    <message>
      <source>Percent / 费率 %</source>
      <translation>费率 %</translation>
    </message>
    <message>
      <source>Order value up to (empty on the last row: any value)</source>
      <translation>订单金额上限（最后一行留空：不限金额）</translation>
    </message>
    <message>
      <source>% of that part</source>
      <translation>该段金额的费率 %</translation>
    </message>
    <message>
      <source>Save &amp;agent</source>
      <translation>保存代理(&amp;A)</translation>
    </message>
    <message>
      <source>Name / 名称</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Currency / 币种</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Service fee tiers / 服务费</source>
      <translation>服务费阶梯</translation>
    </message>
    <message>
      <source>Free storage days / 免费仓储</source>
      <translation>免费仓储天数</translation>
    </message>
    <message>
      <source>Note / 备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&lt;b&gt;{agent}&lt;/b&gt; — fees</source>
      <translation>&lt;b&gt;{agent}&lt;/b&gt; — 费用</translation>
    </message>
    <message>
      <source>&lt;b&gt;New agent&lt;/b&gt;</source>
      <translation>&lt;b&gt;新代理&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Agent&lt;/b&gt; — choose an agent</source>
      <translation>&lt;b&gt;代理&lt;/b&gt; — 请选择一个代理</translation>
    </message>
    <message>
      <source>tier {number}'s percent</source>
      <translation>第 {number} 档的费率</translation>
    </message>
    <message>
      <source>tier {number}'s upper value</source>
      <translation>第 {number} 档的金额上限</translation>
    </message>
    <message>
      <source>the free storage days</source>
      <translation>免费仓储天数</translation>
    </message>
  </context>
  <context>
    <name>FieldError</name>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <source>Filter: name, pinyin (yiwu), city, tag, contact…  Ctrl+F</source>
      <translation>筛选：名称、拼音 (yiwu)、城市、标签、联系人…  Ctrl+F</translation>
    </message>
    <message>
      <source>Status: Any</source>
      <translation>状态：全部</translation>
    </message>
    <message>
      <source>Province: Any</source>
      <translation>省份：全部</translation>
    </message>
    <message>
      <source>Membership: Any</source>
      <translation>会员等级：全部</translation>
    </message>
    <message>
      <source>Type: Any</source>
      <translation>经营模式：全部</translation>
    </message>
    <message>
      <source>Show only suppliers with this status</source>
      <translation>只显示此状态的供应商</translation>
    </message>
    <message>
      <source>Show only suppliers with this membership</source>
      <translation>只显示此会员等级的供应商</translation>
    </message>
    <message>
      <source>Show only suppliers with this type</source>
      <translation>只显示此经营模式的供应商</translation>
    </message>
    <message>
      <source>{total} supplier</source>
      <translation>{total} 家供应商</translation>
    </message>
    <message>
      <source>{total} suppliers</source>
      <translation>{total} 家供应商</translation>
    </message>
    <message>
      <source>{shown} of {total} supplier</source>
      <translation>{shown} / {total} 家供应商</translation>
    </message>
    <message>
      <source>{shown} of {total} suppliers</source>
      <translation>{shown} / {total} 家供应商</translation>
    </message>
  </context>
  <context>
    <name>GalleryActions</name>
    <message>
      <source>1 photo waits for this new sample to be saved: fix what is marked above, then Save.</source>
      <translation>1 张照片等待此新样品保存：请修正上方标出的问题，然后保存。</translation>
    </message>
    <message>
      <source>{count} photos wait for this new sample to be saved: fix what is marked above, then Save.</source>
      <translation>{count} 张照片等待此新样品保存：请修正上方标出的问题，然后保存。</translation>
    </message>
    <message>
      <source>Import photos</source>
      <translation>导入照片</translation>
    </message>
    <message>
      <source>Choose a sample, or make a new one, first.</source>
      <translation>请先选择一个样品，或新建一个。</translation>
    </message>
    <message>
      <source>{count} photo(s) wait for the new sample to be saved.</source>
      <translation>{count} 张照片等待新样品保存。</translation>
    </message>
    <message>
      <source>Unsaved sample</source>
      <translation>样品未保存</translation>
    </message>
    <message>
      <source>This new sample is not saved and {count} photo(s) wait for it. Leave it and drop them? (No: stay and save it.)</source>
      <translation>此新样品尚未保存，有 {count} 张照片在等待它。离开并丢弃这些照片吗？（选“否”：留下并保存。）</translation>
    </message>
    <message>
      <source>Remove photos</source>
      <translation>移除照片</translation>
    </message>
    <message>
      <source>Remove {count} photo(s) from this sample?</source>
      <translation>从此样品中移除 {count} 张照片吗？</translation>
    </message>
    <message>
      <source>Select a photo first.</source>
      <translation>请先选择一张照片。</translation>
    </message>
    <message>
      <source>A photo file could not be removed: {error}</source>
      <translation>无法删除照片文件：{error}</translation>
    </message>
  </context>
  <context>
    <name>GalleryModel</name>
    <message>
      <source>Cannot be shown: {reason}</source>
      <translation>无法显示：{reason}</translation>
    </message>
    <message>
      <source>Its thumbnail {path} cannot be decoded: {reason}.</source>
      <translation>其缩略图 {path} 无法解码：{reason}。</translation>
    </message>
  </context>
  <context>
    <name>GalleryView</name>
    <message>
      <source>Drop photos or folders here, or paste an image (Ctrl+V)</source>
      <translation>将照片或文件夹拖到这里，或粘贴图片 (Ctrl+V)</translation>
    </message>
  </context>
  <context>
    <name>GuideDialog</name>
    <message>
      <source>User guide</source>
      <translation>用户指南</translation>
    </message>
    <message>
      <source>The user guide is missing ({path}).</source>
      <translation>找不到用户指南（{path}）。</translation>
    </message>
  </context>
  <context>
    <name>ImageLoader</name>
    <message>
      <source>It cannot be read: {error}</source>
      <translation>无法读取：{error}</translation>
    </message>
    <message>
      <source>It cannot be shown ({kind}: {error})</source>
      <translation>无法显示（{kind}：{error}）</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import {file}</source>
      <translation>导入 {file}</translation>
    </message>
    <message>
      <source>&amp;Keep the values of these columns in the suppliers' notes (as 'column: value')</source>
      <translation>将这些列的值保存到供应商备注中（格式为“列名: 值”）(&amp;K)</translation>
    </message>
    <message>
      <source>What the import changes</source>
      <translation>导入会更改的内容</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>导入(&amp;I)</translation>
    </message>
    <message>
      <source>Reading {file}…</source>
      <translation>正在读取 {file}…</translation>
    </message>
    <message>
      <source>{count} problem(s); see Details.</source>
      <translation>{count} 个问题，详见“详细信息”。</translation>
    </message>
    <message>
      <source>{file}: {summary}; nothing to import</source>
      <translation>{file}：{summary}；没有需要导入的内容</translation>
    </message>
    <message>
      <source>Importing {file}…</source>
      <translation>正在导入 {file}…</translation>
    </message>
    <message>
      <source>Imported {file}: {summary}</source>
      <translation>已导入 {file}：{summary}</translation>
    </message>
    <message>
      <source>Cancelled: nothing of {file} was imported</source>
      <translation>已取消：{file} 中的内容均未导入</translation>
    </message>
    <message>
      <source>{new} new, {updated} updated, {unchanged} unchanged.</source>
      <translation>新增 {new} 家，更新 {updated} 家，不变 {unchanged} 家。</translation>
    </message>
    <message>
      <source>{count} of the new looks like an existing supplier (imported as new all the same).</source>
      <translation>新增中有 {count} 家与已有供应商相似（仍作为新供应商导入）。</translation>
    </message>
    <message>
      <source>{count} of the new look like an existing supplier (imported as new all the same).</source>
      <translation>新增中有 {count} 家与已有供应商相似（仍作为新供应商导入）。</translation>
    </message>
    <message>
      <source>Importing would change nothing.</source>
      <translation>导入不会更改任何内容。</translation>
    </message>
    <message>
      <source>Import {file}?
{counts}</source>
      <translation>导入 {file}？
{counts}</translation>
    </message>
    <message>
      <source>Updated ({count})</source>
      <translation>更新 ({count})</translation>
    </message>
    <message>
      <source>Looks like an existing supplier ({count})</source>
      <translation>与已有供应商相似 ({count})</translation>
    </message>
    <message>
      <source>Rows that match each other ({count})</source>
      <translation>彼此重复的行 ({count})</translation>
    </message>
    <message>
      <source>New ({count})</source>
      <translation>新增 ({count})</translation>
    </message>
    <message>
      <source>Unchanged ({count})</source>
      <translation>不变 ({count})</translation>
    </message>
    <message>
      <source>row {row} {name} ({reason})</source>
      <translation>第 {row} 行 {name}（{reason}）</translation>
    </message>
    <message>
      <source>row {row} {name}</source>
      <translation>第 {row} 行 {name}</translation>
    </message>
  </context>
  <context>
    <name>ItemsModel</name>
    <message>
      <source>product #{id} (gone)</source>
      <translation>产品 #{id}（已删除）</translation>
    </message>
  </context>
  <context>
    <name>LandedCostPage</name>
    <message>
      <source>Choose a quote to see its landed cost.</source>
      <translation>选择一个报价以查看其到岸成本。</translation>
    </message>
    <message>
      <source>Save settings (Ctrl+S)</source>
      <translation>保存设置 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Landed cost 到岸成本</source>
      <translation>到岸成本</translation>
    </message>
    <message>
      <source>Selling price 售价</source>
      <translation>售价</translation>
    </message>
    <message>
      <source>Home currency and exchange rates 汇率</source>
      <translation>本币与汇率</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>设定</translation>
    </message>
    <message>
      <source>Home &amp;currency</source>
      <translation>本币(&amp;C)</translation>
    </message>
    <message>
      <source>7.80 or 7,80</source>
      <translation>7.80 或 7,80</translation>
    </message>
    <message>
      <source>&amp;Add rate</source>
      <translation>添加汇率(&amp;A)</translation>
    </message>
    <message>
      <source>Delete rate</source>
      <translation>删除汇率</translation>
    </message>
    <message>
      <source>&amp;Rate</source>
      <translation>汇率(&amp;R)</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Fees, freight and insurance</source>
      <translation>费用、运费与保险</translation>
    </message>
    <message>
      <source>A&amp;gent fee %</source>
      <translation>代理服务费 %(&amp;G)</translation>
    </message>
    <message>
      <source>e.g. 5</source>
      <translation>如 5</translation>
    </message>
    <message>
      <source>Agent minimum</source>
      <translation>代理服务费最低收费</translation>
    </message>
    <message>
      <source>Agent fee on</source>
      <translation>代理服务费计费基数</translation>
    </message>
    <message>
      <source>of what is paid to the agent</source>
      <translation>占付给代理金额的 %</translation>
    </message>
    <message>
      <source>Pa&amp;yment fee %</source>
      <translation>支付手续费 %(&amp;Y)</translation>
    </message>
    <message>
      <source>&amp;Freight</source>
      <translation>国际运费(&amp;F)</translation>
    </message>
    <message>
      <source>Whole order, to the border. Later it can come from the Consolidation tab.</source>
      <translation>整单运至边境的运费。以后可取自“集运”标签页。</translation>
    </message>
    <message>
      <source>&amp;Insurance %</source>
      <translation>保险费率 %(&amp;I)</translation>
    </message>
    <message>
      <source>100 %, or 110 %: the Incoterms CIF minimum cover</source>
      <translation>100 % 或 110 %（国际贸易术语 CIF 的最低保额）</translation>
    </message>
    <message>
      <source>Insured %</source>
      <translation>投保比例 %</translation>
    </message>
    <message>
      <source>Transport after the &amp;border</source>
      <translation>入境后运费(&amp;B)</translation>
    </message>
    <message>
      <source>Customs 海关</source>
      <translation>海关</translation>
    </message>
    <message>
      <source>&amp;Destination</source>
      <translation>目的地(&amp;D)</translation>
    </message>
    <message>
      <source>Low-value relief</source>
      <translation>低值免税</translation>
    </message>
    <message>
      <source>D&amp;uty %</source>
      <translation>关税 %(&amp;U)</translation>
    </message>
    <message>
      <source>Duty on</source>
      <translation>关税计税基础</translation>
    </message>
    <message>
      <source>&amp;VAT %</source>
      <translation>增值税 %(&amp;V)</translation>
    </message>
    <message>
      <source>VAT r&amp;eclaimable (registered)</source>
      <translation>增值税可抵扣（已登记）(&amp;E)</translation>
    </message>
    <message>
      <source>Item categories</source>
      <translation>商品类别数</translation>
    </message>
    <message>
      <source>empty: this order's goods</source>
      <translation>留空：按本单货值</translation>
    </message>
    <message>
      <source>Consignment goods value</source>
      <translation>整批货值</translation>
    </message>
    <message>
      <source>Selling targets and checks</source>
      <translation>销售目标与检查</translation>
    </message>
    <message>
      <source>% of the selling price</source>
      <translation>占售价的 %</translation>
    </message>
    <message>
      <source>&amp;Target margin %</source>
      <translation>目标毛利率 %(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Selling fee %</source>
      <translation>销售费用 %(&amp;S)</translation>
    </message>
    <message>
      <source>'T&amp;oo good to be true' %</source>
      <translation>“低得可疑”阈值 %(&amp;O)</translation>
    </message>
    <message>
      <source>below the median</source>
      <translation>低于中位数</translation>
    </message>
    <message>
      <source>Read as {rate}</source>
      <translation>读作 {rate}</translation>
    </message>
    <message>
      <source>'{code}' is not a currency code: choose yours, like EUR.</source>
      <translation>“{code}”不是货币代码：请选择您的本币，如 EUR。</translation>
    </message>
    <message>
      <source>type a number</source>
      <translation>请输入数字</translation>
    </message>
    <message>
      <source>a whole number</source>
      <translation>请输入整数</translation>
    </message>
    <message>
      <source>the insured % (100 or 110)</source>
      <translation>投保比例 %（100 或 110）</translation>
    </message>
    <message>
      <source>&lt;b&gt;{supplier}&lt;/b&gt; · in {currency}</source>
      <translation>&lt;b&gt;{supplier}&lt;/b&gt; · 以 {currency} 计</translation>
    </message>
    <message>
      <source>&lt;b&gt;Total {total}&lt;/b&gt; · &lt;b&gt;{per_unit}&lt;/b&gt;&lt;br&gt;Customs value {customs} · VAT base {vat}</source>
      <translation>&lt;b&gt;合计 {total}&lt;/b&gt; · &lt;b&gt;{per_unit}&lt;/b&gt;&lt;br&gt;完税价格 {customs} · 增值税计税基础 {vat}</translation>
    </message>
    <message>
      <source>Relief: {relief}</source>
      <translation>减免：{relief}</translation>
    </message>
    <message>
      <source>No selling price: see the settings.</source>
      <translation>没有售价：请查看设置。</translation>
    </message>
  </context>
  <context>
    <name>LegendLabel</name>
    <message>
      <source>Capacity grades</source>
      <translation>产能等级</translation>
    </message>
    <message>
      <source>No value is &lt;i&gt;unknown&lt;/i&gt;, never weak; a trading company's capacity, lines, employees and area are &lt;i&gt;n/a&lt;/i&gt;, never weak.</source>
      <translation>没有数值即为&lt;i&gt;未知&lt;/i&gt;，不算较弱；贸易公司的产能、生产线、员工和面积为&lt;i&gt;不适用&lt;/i&gt;，不算较弱。</translation>
    </message>
    <message>
      <source>the scored criteria carry under the share of the weight a level needs (Weights tab, 50 % by default): score the missing ones first</source>
      <translation>已评分项目所占权重低于评级所需比例（见“权重”页，默认 50 %）：请先补齐缺失的评分</translation>
    </message>
    <message>
      <source>Levels (weighted score)</source>
      <translation>等级（加权得分）</translation>
    </message>
    <message>
      <source>Credit rating</source>
      <translation>信用评级</translation>
    </message>
    <message>
      <source>Grey is unknown everywhere: no value, no score, or too few credit inputs; also {na} and an incomplete score.</source>
      <translation>灰色在各处都表示未知：没有数值、没有评分或信用输入太少；{na}和不完整的得分也为灰色。</translation>
    </message>
  </context>
  <context>
    <name>LineForm</name>
    <message>
      <source>&lt;b&gt;Line&lt;/b&gt;</source>
      <translation>&lt;b&gt;线路&lt;/b&gt;</translation>
    </message>
    <message>
      <source>e.g. EMS, DHL 快递, 空运专线</source>
      <translation>例如 EMS、DHL 快递、空运专线</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>When you read these rules off the agent's site</source>
      <translation>你从代理网站上抄录这些规则的日期</translation>
    </message>
    <message>
      <source>Volumetric: L×W×H ÷ divisor / 体积重</source>
      <translation>体积重：长×宽×高 ÷ 抛比</translation>
    </message>
    <message>
      <source>Actual weight only / 实重</source>
      <translation>只按实重</translation>
    </message>
    <message>
      <source>抛比: 5000 express, 6000 IATA air and many agent lines</source>
      <translation>抛比：快递 5000，IATA 空运及许多代理线路 6000</translation>
    </message>
    <message>
      <source>Always counts</source>
      <translation>始终计体积重</translation>
    </message>
    <message>
      <source>Longest side over (cm)</source>
      <translation>最长边超过 (cm)</translation>
    </message>
    <message>
      <source>Longest side at least (cm)</source>
      <translation>最长边不小于 (cm)</translation>
    </message>
    <message>
      <source>cm, e.g. 60 (EMS)</source>
      <translation>厘米，例如 60 (EMS)</translation>
    </message>
    <message>
      <source>empty: max(actual, volumetric); 0.5 typical</source>
      <translation>留空：取实重和体积重中的较大者；一般为 0.5</translation>
    </message>
    <message>
      <source>Round each side to whole cm first (DHL)</source>
      <translation>先将每条边取整到厘米 (DHL)</translation>
    </message>
    <message>
      <source>Up to kg / 以下</source>
      <translation>重量上限 (kg)</translation>
    </message>
    <message>
      <source>Step kg / 进位</source>
      <translation>进位 (kg)</translation>
    </message>
    <message>
      <source>The band's upper weight, inclusive; the last row has none</source>
      <translation>该段的重量上限（含）；最后一行不填</translation>
    </message>
    <message>
      <source>Round up to this step</source>
      <translation>向上进位到此步长</translation>
    </message>
    <message>
      <source>kg, e.g. 1</source>
      <translation>公斤，例如 1</translation>
    </message>
    <message>
      <source>First + additional weight / 首重续重</source>
      <translation>首重续重</translation>
    </message>
    <message>
      <source>Per-kg bands / 按公斤 (base + per kg)</source>
      <translation>按公斤（基础价 + 每公斤）</translation>
    </message>
    <message>
      <source>Bracket table / 重量段价格表</source>
      <translation>重量段价格表</translation>
    </message>
    <message>
      <source>Sea per W/M / 海运 按方或吨</source>
      <translation>海运 按方或吨 (W/M)</translation>
    </message>
    <message>
      <source>Price per kg / 单价</source>
      <translation>每公斤单价</translation>
    </message>
    <message>
      <source>The band's upper weight (rounded kg); the last row has none</source>
      <translation>该段的重量上限（进位后的公斤数）；最后一行不填</translation>
    </message>
    <message>
      <source>Up to kg</source>
      <translation>重量上限 (kg)</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>empty: exact W/M</source>
      <translation>留空：按实际计费吨</translation>
    </message>
    <message>
      <source>% of freight, e.g. 10</source>
      <translation>运费的百分比，例如 10</translation>
    </message>
    <message>
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <source>Save li&amp;ne</source>
      <translation>保存线路(&amp;N)</translation>
    </message>
    <message>
      <source>Name / 线路名</source>
      <translation>线路名</translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Currency / 币种</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
    <message>
      <source>Transit days / 时效</source>
      <translation>时效（天）</translation>
    </message>
    <message>
      <source>Rules as of</source>
      <translation>规则日期</translation>
    </message>
    <message>
      <source>Weighed by / 计费方式</source>
      <translation>计费方式</translation>
    </message>
    <message>
      <source>Divisor / 抛比</source>
      <translation>抛比</translation>
    </message>
    <message>
      <source>Volume trigger</source>
      <translation>体积重触发条件</translation>
    </message>
    <message>
      <source>分泡 ratio r</source>
      <translation>分泡比例 r</translation>
    </message>
    <message>
      <source>Weight steps / 进位</source>
      <translation>进位</translation>
    </message>
    <message>
      <source>Minimum chargeable kg</source>
      <translation>最低计费重量 (kg)</translation>
    </message>
    <message>
      <source>Base price</source>
      <translation>基础价</translation>
    </message>
    <message>
      <source>Bands (on the rounded kg)</source>
      <translation>重量段（按进位后的公斤数）</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Priced by / 计价</source>
      <translation>计价方式</translation>
    </message>
    <message>
      <source>Per-box fee / 单箱费</source>
      <translation>单箱费</translation>
    </message>
    <message>
      <source>Fuel surcharge / 燃油 %</source>
      <translation>燃油附加费 %</translation>
    </message>
    <message>
      <source>Accepts / 可走</source>
      <translation>可走敏感货</translation>
    </message>
    <message>
      <source>Line / 线路</source>
      <translation>线路</translation>
    </message>
    <message>
      <source>Weighing / 计费重量</source>
      <translation>计费重量</translation>
    </message>
    <message>
      <source>Pricing / 运价</source>
      <translation>运价</translation>
    </message>
    <message>
      <source>Limits per box / 限制</source>
      <translation>单箱限制</translation>
    </message>
    <message>
      <source>&lt;b&gt;Line&lt;/b&gt; — choose a line, or New line</source>
      <translation>&lt;b&gt;线路&lt;/b&gt; — 请选择一条线路，或新建线路</translation>
    </message>
    <message>
      <source>&lt;b&gt;New line&lt;/b&gt;</source>
      <translation>&lt;b&gt;新线路&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{line}&lt;/b&gt; — rate card</source>
      <translation>&lt;b&gt;{line}&lt;/b&gt; — 运价表</translation>
    </message>
    <message>
      <source>{table} row {number}</source>
      <translation>{table}第 {number} 行</translation>
    </message>
    <message>
      <source>{row}: type its figure.</source>
      <translation>{row}：请填写数值。</translation>
    </message>
    <message>
      <source>{row}'s weight</source>
      <translation>{row}的重量</translation>
    </message>
    <message>
      <source>the volume trigger side</source>
      <translation>体积重触发边长</translation>
    </message>
    <message>
      <source>Type the side (cm) over which the volume counts.</source>
      <translation>请填写边长 (cm)：超过该长度才计体积重。</translation>
    </message>
    <message>
      <source>Weight steps</source>
      <translation>进位</translation>
    </message>
    <message>
      <source>the divisor</source>
      <translation>抛比</translation>
    </message>
    <message>
      <source>the 分泡 ratio</source>
      <translation>分泡比例</translation>
    </message>
    <message>
      <source>the minimum kg</source>
      <translation>最低计费重量</translation>
    </message>
    <message>
      <source>the per-box fee</source>
      <translation>单箱费</translation>
    </message>
    <message>
      <source>the fuel surcharge</source>
      <translation>燃油附加费</translation>
    </message>
    <message>
      <source>the shortest transit</source>
      <translation>最短时效</translation>
    </message>
    <message>
      <source>the longest transit</source>
      <translation>最长时效</translation>
    </message>
    <message>
      <source>Type the {fields} (首重 and 续重).</source>
      <translation>请填写{fields}（首重和续重）。</translation>
    </message>
    <message>
      <source>Per-kg band</source>
      <translation>按公斤重量段</translation>
    </message>
    <message>
      <source>the base price</source>
      <translation>基础价</translation>
    </message>
    <message>
      <source>Price table</source>
      <translation>价格表</translation>
    </message>
    <message>
      <source>Every price table row needs its weight (kg).</source>
      <translation>价格表的每一行都需要填写重量 (kg)。</translation>
    </message>
    <message>
      <source>Type the price per W/M.</source>
      <translation>请填写每计费吨 (W/M) 价格。</translation>
    </message>
    <message>
      <source>Choose the agent that runs the line (add one first).</source>
      <translation>请选择经营该线路的代理（如没有请先添加）。</translation>
    </message>
  </context>
  <context>
    <name>ListModel</name>
    <message>
      <source>A date as yyyy-mm-dd; leave empty when there is none</source>
      <translation>日期格式为 yyyy-mm-dd；没有则留空</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>WeChat 微信</source>
      <translation>微信</translation>
    </message>
    <message>
      <source>Wangwang 旺旺</source>
      <translation>旺旺</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>证书编号</translation>
    </message>
    <message>
      <source>Issuer</source>
      <translation>发证机关</translation>
    </message>
    <message>
      <source>Expires</source>
      <translation>到期日</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Remark</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>解决日期</translation>
    </message>
    <message>
      <source>How resolved</source>
      <translation>解决方式</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New database…</source>
      <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Open database…</source>
      <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Import suppliers…</source>
      <translation>导入供应商(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Back up database…</source>
      <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>导出(&amp;E)</translation>
    </message>
    <message>
      <source>This tab to &amp;Excel (.xlsx)…</source>
      <translation>当前标签页导出为 Excel (.xlsx)(&amp;E)…</translation>
    </message>
    <message>
      <source>This tab to &amp;PDF…</source>
      <translation>当前标签页导出为 PDF(&amp;P)…</translation>
    </message>
    <message>
      <source>{kind} to {format}…</source>
      <translation>{kind}导出为 {format}…</translation>
    </message>
    <message>
      <source>Print pre&amp;view…</source>
      <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>设置(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>编辑(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;User guide</source>
      <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>Load &amp;demo data into a new file…</source>
      <translation>将演示数据载入新文件(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;About {app}</source>
      <translation>关于 {app}(&amp;A)</translation>
    </message>
    <message>
      <source>{file} (read-only: changes cannot be saved) — {app}</source>
      <translation>{file}（只读：修改无法保存）— {app}</translation>
    </message>
    <message>
      <source>{file} — {app}</source>
      <translation>{file} — {app}</translation>
    </message>
    <message>
      <source>Database: {path}</source>
      <translation>数据库：{path}</translation>
    </message>
    <message>
      <source>{message}

Nothing will be written to this file. Open a backup with File ▸ Open, or run 'workbench check --db PATH' for details.</source>
      <translation>{message}

不会向此文件写入任何内容。请通过“文件 ▸ 打开”打开一个备份，或运行 'workbench check --db PATH' 查看详情。</translation>
    </message>
    <message>
      <source>Settings saved.</source>
      <translation>设置已保存。</translation>
    </message>
    <message>
      <source>About {app}</source>
      <translation>关于 {app}</translation>
    </message>
    <message>
      <source>&lt;p&gt;An offline workbench for sourcing from 1688.com factories: suppliers, capacity and credit, samples, negotiation and consolidation.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; {database}&lt;br&gt;&lt;b&gt;Settings:&lt;/b&gt; {settings}&lt;br&gt;&lt;b&gt;PDF font:&lt;/b&gt; {font}&lt;br&gt;(set WORKBENCH_PDF_FONT to a .ttf/.ttc file to use another)&lt;/p&gt;</source>
      <translation>&lt;p&gt;离线的 1688 工厂采购工作台：供应商、产能与信用、样品对比、谈判与集运。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据库：&lt;/b&gt;{database}&lt;br&gt;&lt;b&gt;设置：&lt;/b&gt;{settings}&lt;br&gt;&lt;b&gt;PDF 字体：&lt;/b&gt;{font}&lt;br&gt;（将 WORKBENCH_PDF_FONT 设为某个 .ttf/.ttc 文件即可改用其他字体）&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>MatrixFilterBar</name>
    <message>
      <source>Filter: name, pinyin, city, category…  Ctrl+F</source>
      <translation>筛选：名称、拼音、城市、类目…  Ctrl+F</translation>
    </message>
    <message>
      <source>Status: Any</source>
      <translation>状态：全部</translation>
    </message>
    <message>
      <source>Province: Any</source>
      <translation>省份：全部</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <source>Export the rows shown, in this order (Ctrl+E, Ctrl+Shift+E)</source>
      <translation>按当前顺序导出显示的行 (Ctrl+E, Ctrl+Shift+E)</translation>
    </message>
    <message>
      <source>Excel (.xlsx)…</source>
      <translation>Excel 工作簿 (.xlsx)…</translation>
    </message>
    <message>
      <source>PDF…</source>
      <translation>PDF 文档…</translation>
    </message>
    <message>
      <source>Category: Any</source>
      <translation>类目：全部</translation>
    </message>
    <message>
      <source>{total} supplier</source>
      <translation>{total} 家供应商</translation>
    </message>
    <message>
      <source>{total} suppliers</source>
      <translation>{total} 家供应商</translation>
    </message>
    <message>
      <source>{shown} of {total} supplier</source>
      <translation>{shown} / {total} 家供应商</translation>
    </message>
    <message>
      <source>{shown} of {total} suppliers</source>
      <translation>{shown} / {total} 家供应商</translation>
    </message>
  </context>
  <context>
    <name>MatrixModel</name>
    <message>
      <source>{dimension}: to forget a value, delete its fact in the side panel.</source>
      <translation>{dimension}：若要清除数值，请在侧栏中删除对应的数据。</translation>
    </message>
    <message>
      <source>{dimension}: '{value}' is not a number; nothing was changed.</source>
      <translation>{dimension}：“{value}”不是数字；未做任何更改。</translation>
    </message>
    <message>
      <source>n/a
(trading company)</source>
      <translation>不适用
（贸易公司）</translation>
    </message>
    <message>
      <source>incomplete
missing {criteria}</source>
      <translation>不完整
缺：{criteria}</translation>
    </message>
    <message>
      <source>Double-click or F2 to edit.</source>
      <translation>双击或按 F2 编辑。</translation>
    </message>
    <message>
      <source>Categories: {tags}</source>
      <translation>类目：{tags}</translation>
    </message>
    <message>
      <source>{dimension}, graded:</source>
      <translation>{dimension}，分级：</translation>
    </message>
    <message>
      <source>{criterion} covers {covers}. Score 0-100.</source>
      <translation>{criterion}包括{covers}。评分 0-100。</translation>
    </message>
    <message>
      <source>Credit rating AAA-C: the rule's suggestion, or your manual rating with reason.</source>
      <translation>信用评级 AAA-C：规则建议的评级，或你填写理由后的手动评级。</translation>
    </message>
    <message>
      <source>Weighted score: the scores times your weights, over the scores present.</source>
      <translation>加权得分：各项评分乘以你设定的权重，只计已有评分的项目。</translation>
    </message>
    <message>
      <source>Level A-D from the weighted score and your thresholds; incomplete while the scored criteria carry under the share of the weight set on the Weights tab.</source>
      <translation>等级 A-D，由加权得分和你设定的分数线决定；已评分项目所占权重低于“权重”页设定的比例时为“不完整”。</translation>
    </message>
    <message>
      <source>Rank by weighted score; equal scores share a rank.</source>
      <translation>按加权得分排名；得分相同则名次相同。</translation>
    </message>
    <message>
      <source>Capacity
pcs/month</source>
      <translation>月产能
件/月</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>生产线</translation>
    </message>
    <message>
      <source>Employees</source>
      <translation>员工</translation>
    </message>
    <message>
      <source>Factory
area m²</source>
      <translation>厂房
面积 m²</translation>
    </message>
    <message>
      <source>Response
hours</source>
      <translation>响应
小时</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>排名</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Weighted</source>
      <translation>加权分</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>信用</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>考核期</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>{rating} (manual; rule {suggested})</source>
      <translation>{rating}（手动；规则 {suggested}）</translation>
    </message>
    <message>
      <source>Period {period}.</source>
      <translation>考核期 {period}。</translation>
    </message>
    <message>
      <source>Never evaluated.</source>
      <translation>从未评估。</translation>
    </message>
    <message>
      <source>Level {level}: {action}.</source>
      <translation>等级 {level}：{action}。</translation>
    </message>
  </context>
  <context>
    <name>MatrixTab</name>
    <message>
      <source>Delete capacity fact</source>
      <translation>删除产能数据</translation>
    </message>
    <message>
      <source>Delete this fact from the history? The previous fact of that dimension, if any, becomes the current one.</source>
      <translation>从历史记录中删除这条数据吗？该维度的上一条数据（如有）将成为当前数据。</translation>
    </message>
    <message>
      <source>Delete evaluation</source>
      <translation>删除评估</translation>
    </message>
    <message>
      <source>Delete the scores of period {period}?</source>
      <translation>删除考核期 {period} 的评分吗？</translation>
    </message>
    <message>
      <source>The weights could not be stored: {error}</source>
      <translation>无法保存权重：{error}</translation>
    </message>
    <message>
      <source>Weights and levels are back to the defaults.</source>
      <translation>权重和等级已恢复为默认值。</translation>
    </message>
  </context>
  <context>
    <name>MatrixTabView</name>
    <message>
      <source>&amp;Retry</source>
      <translation>重试(&amp;R)</translation>
    </message>
    <message>
      <source>Select a supplier in the matrix.</source>
      <translation>请在矩阵中选择一家供应商。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Compare&lt;/b&gt; (select 2-5 rows with Ctrl or Shift)</source>
      <translation>&lt;b&gt;对比&lt;/b&gt;（按住 Ctrl 或 Shift 选择 2-5 行）</translation>
    </message>
    <message>
      <source>Scores as entered (0-100). Capacity: the mean of its known grades, excellent 100, good 75, average 50, weak 25. Credit: AAA 100, AA 80, A 60, B 40, C 20.</source>
      <translation>评分按录入值 (0-100)。产能：已知等级的平均值，优秀 100、良好 75、一般 50、较弱 25。信用：AAA 100、AA 80、A 60、B 40、C 20。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Scores over periods&lt;/b&gt; (the current row)</source>
      <translation>&lt;b&gt;各考核期得分&lt;/b&gt;（当前行）</translation>
    </message>
    <message>
      <source>&amp;Supplier</source>
      <translation>供应商(&amp;S)</translation>
    </message>
    <message>
      <source>C&amp;harts</source>
      <translation>图表(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Weights</source>
      <translation>权重(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Legend</source>
      <translation>图例(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Find in matrix</source>
      <translation>在矩阵中查找(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Audits of this supplier…</source>
      <translation>此供应商的验厂(&amp;A)…</translation>
    </message>
    <message>
      <source>Go to the &amp;Suppliers tab</source>
      <translation>转到“供应商”标签页(&amp;S)</translation>
    </message>
    <message>
      <source>No suppliers to grade yet</source>
      <translation>还没有可评级的供应商</translation>
    </message>
    <message>
      <source>The matrix grades each supplier's capacity (monthly capacity, production lines, employees, factory area) and credit, scores them by your weights and compares them side by side.&lt;br&gt;&lt;br&gt;Add suppliers in the Suppliers tab first: each one appears here at once, graded &lt;i&gt;unknown&lt;/i&gt; until you record its facts.</source>
      <translation>产能与信用矩阵为每家供应商的产能（月产能、生产线、员工人数、厂房面积）和信用评级，按您设定的权重打分，并可并排比较。&lt;br&gt;&lt;br&gt;请先在“供应商”标签页添加供应商：每家供应商会立即出现在这里，在您记录其产能数据之前，等级为&lt;i&gt;未知&lt;/i&gt;。</translation>
    </message>
    <message>
      <source>Loading the matrix…</source>
      <translation>正在加载矩阵…</translation>
    </message>
    <message>
      <source>Double-click a capacity cell (or press F2) to correct it; hover any cell for how its grade was reached.</source>
      <translation>双击产能单元格（或按 F2）可修正数值；鼠标悬停在任一单元格上可查看等级的由来。</translation>
    </message>
    <message>
      <source>⚠ Could not load the matrix: {error}</source>
      <translation>⚠ 无法加载矩阵：{error}</translation>
    </message>
    <message>
      <source>Recorded {dimension} {value} ({source}, {date}).</source>
      <translation>已记录{dimension} {value}（{source}，{date}）。</translation>
    </message>
    <message>
      <source>Recorded {dimension} {value} ({source}, {date}): {grade}.</source>
      <translation>已记录{dimension} {value}（{source}，{date}）：{grade}。</translation>
    </message>
  </context>
  <context>
    <name>MatrixTerms</name>
    <message>
      <source>excellent</source>
      <translation>优秀</translation>
    </message>
    <message>
      <source>good</source>
      <translation>良好</translation>
    </message>
    <message>
      <source>average</source>
      <translation>一般</translation>
    </message>
    <message>
      <source>weak</source>
      <translation>较弱</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>n/a (trading company)</source>
      <translation>不适用（贸易公司）</translation>
    </message>
    <message>
      <source>incomplete</source>
      <translation>不完整</translation>
    </message>
    <message>
      <source>suggested</source>
      <translation>建议</translation>
    </message>
    <message>
      <source>manual</source>
      <translation>手动</translation>
    </message>
    <message>
      <source>Monthly capacity</source>
      <translation>月产能</translation>
    </message>
    <message>
      <source>Production lines</source>
      <translation>生产线</translation>
    </message>
    <message>
      <source>Employees</source>
      <translation>员工人数</translation>
    </message>
    <message>
      <source>Factory area</source>
      <translation>厂房面积</translation>
    </message>
    <message>
      <source>Response time</source>
      <translation>响应时间</translation>
    </message>
    <message>
      <source>pieces</source>
      <translation>件</translation>
    </message>
    <message>
      <source>lines</source>
      <translation>条</translation>
    </message>
    <message>
      <source>people</source>
      <translation>人</translation>
    </message>
    <message>
      <source>Supplier's word</source>
      <translation>供应商自述</translation>
    </message>
    <message>
      <source>1688 page</source>
      <translation>1688 页面</translation>
    </message>
    <message>
      <source>Seen at audit</source>
      <translation>验厂所见</translation>
    </message>
    <message>
      <source>Third-party report</source>
      <translation>第三方报告</translation>
    </message>
    <message>
      <source>Quality</source>
      <translation>质量</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>交付</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>服务</translation>
    </message>
    <message>
      <source>Cost</source>
      <translation>成本</translation>
    </message>
    <message>
      <source>pass rate, complaint rate, improvement</source>
      <translation>合格率、投诉率、改进</translation>
    </message>
    <message>
      <source>on-time rate, quantity accuracy</source>
      <translation>准时率、数量准确率</translation>
    </message>
    <message>
      <source>response speed, problem solving</source>
      <translation>响应速度、问题解决</translation>
    </message>
    <message>
      <source>price competitiveness, cost reduction</source>
      <translation>价格竞争力、降本</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>产能</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>信用</translation>
    </message>
    <message>
      <source>Weighted</source>
      <translation>加权分</translation>
    </message>
    <message>
      <source>Pass rate</source>
      <translation>合格率</translation>
    </message>
    <message>
      <source>Complaint rate</source>
      <translation>投诉率</translation>
    </message>
    <message>
      <source>Improvement</source>
      <translation>改进</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>准时交货率</translation>
    </message>
    <message>
      <source>Quantity accuracy</source>
      <translation>数量准确率</translation>
    </message>
    <message>
      <source>Response speed</source>
      <translation>响应速度</translation>
    </message>
    <message>
      <source>Problem solving</source>
      <translation>问题解决</translation>
    </message>
    <message>
      <source>Price competitiveness</source>
      <translation>价格竞争力</translation>
    </message>
    <message>
      <source>Cost reduction</source>
      <translation>降本幅度</translation>
    </message>
    <message>
      <source>of 5</source>
      <translation>满分 5</translation>
    </message>
    <message>
      <source>very poor</source>
      <translation>很差</translation>
    </message>
    <message>
      <source>poor</source>
      <translation>较差</translation>
    </message>
    <message>
      <source>not rated</source>
      <translation>未评级</translation>
    </message>
    <message>
      <source>very low risk</source>
      <translation>风险很低</translation>
    </message>
    <message>
      <source>low risk</source>
      <translation>风险低</translation>
    </message>
    <message>
      <source>manageable risk</source>
      <translation>风险可控</translation>
    </message>
    <message>
      <source>caution</source>
      <translation>需谨慎</translation>
    </message>
    <message>
      <source>do not cooperate</source>
      <translation>不宜合作</translation>
    </message>
    <message>
      <source>unknown risk</source>
      <translation>风险未知</translation>
    </message>
    <message>
      <source>rising</source>
      <translation>上升</translation>
    </message>
    <message>
      <source>stable</source>
      <translation>平稳</translation>
    </message>
    <message>
      <source>falling</source>
      <translation>下降</translation>
    </message>
    <message>
      <source>Increase share and prefer</source>
      <translation>增加份额，优先合作</translation>
    </message>
    <message>
      <source>Keep and improve</source>
      <translation>保持合作，督促改进</translation>
    </message>
    <message>
      <source>Reduce orders, demand corrective action</source>
      <translation>减少订单，要求整改</translation>
    </message>
    <message>
      <source>End cooperation and find a replacement</source>
      <translation>终止合作，另寻替代</translation>
    </message>
    <message>
      <source>Score the missing criteria before deciding</source>
      <translation>先补齐缺失的评分再做决定</translation>
    </message>
    <message>
      <source>Not evaluated yet</source>
      <translation>尚未评估</translation>
    </message>
  </context>
  <context>
    <name>Negotiation</name>
    <message>
      <source>Goods</source>
      <translation>货款</translation>
    </message>
    <message>
      <source>Goods + domestic shipping</source>
      <translation>货款 + 国内运费</translation>
    </message>
    <message>
      <source>CIF: goods + transport and insurance to the border</source>
      <translation>CIF：货款 + 至边境的运费和保险</translation>
    </message>
    <message>
      <source>FOB: goods delivered to the port of export</source>
      <translation>FOB：货物交至出口港</translation>
    </message>
    <message>
      <source>European Union</source>
      <translation>欧盟</translation>
    </message>
    <message>
      <source>United Kingdom</source>
      <translation>英国</translation>
    </message>
    <message>
      <source>United States</source>
      <translation>美国</translation>
    </message>
    <message>
      <source>None (no relief)</source>
      <translation>无（不减免）</translation>
    </message>
    <message>
      <source>At or below the target price</source>
      <translation>达到或低于目标价</translation>
    </message>
    <message>
      <source>Acceptable</source>
      <translation>可接受</translation>
    </message>
    <message>
      <source>Above acceptable, within the walk-away price</source>
      <translation>高于可接受价，未超底价</translation>
    </message>
    <message>
      <source>Beyond the walk-away price</source>
      <translation>超出底价</translation>
    </message>
    <message>
      <source>The offers are converging</source>
      <translation>双方出价正在接近</translation>
    </message>
    <message>
      <source>The gap did not move</source>
      <translation>差距没有变化</translation>
    </message>
    <message>
      <source>The gap is growing</source>
      <translation>差距在扩大</translation>
    </message>
    <message>
      <source>Their counter meets our offer</source>
      <translation>对方还价已达我方出价</translation>
    </message>
    <message>
      <source>Too early to tell</source>
      <translation>尚难判断</translation>
    </message>
    <message>
      <source>No price at this quantity.</source>
      <translation>此数量下没有价格。</translation>
    </message>
    <message>
      <source>{price} (the worksheet is in {currency})</source>
      <translation>{price}（谈判表以 {currency} 计）</translation>
    </message>
    <message>
      <source>{price}: enter the three targets to see where it stands.</source>
      <translation>{price}：输入三个目标价格即可看到其所处位置。</translation>
    </message>
    <message>
      <source>Trend: {trend}.</source>
      <translation>趋势：{trend}。</translation>
    </message>
    <message>
      <source>Trend: {trend}. Last gap: {gap}.</source>
      <translation>趋势：{trend}。最新差距：{gap}。</translation>
    </message>
    <message>
      <source>Our offers 我方出价</source>
      <translation>我方出价</translation>
    </message>
    <message>
      <source>Their counters 对方还价</source>
      <translation>对方还价</translation>
    </message>
    <message>
      <source>Convergence of offers</source>
      <translation>双方出价走势</translation>
    </message>
    <message>
      <source>Round</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>Unit price ({currency})</source>
      <translation>单价（{currency}）</translation>
    </message>
    <message>
      <source>No rounds yet: add the first offer under the rounds table.</source>
      <translation>还没有谈判轮次：在轮次表下方添加第一个出价。</translation>
    </message>
    <message>
      <source>round {number}</source>
      <translation>第 {number} 轮</translation>
    </message>
  </context>
  <context>
    <name>NegotiationTab</name>
    <message>
      <source>Unsaved worksheet</source>
      <translation>谈判表未保存</translation>
    </message>
    <message>
      <source>The worksheet has unsaved changes (targets, rounds or terms). Save them?</source>
      <translation>谈判表有未保存的更改（目标价格、轮次或成交条件）。要保存吗？</translation>
    </message>
    <message>
      <source>Choose or make a product first.</source>
      <translation>请先选择或新建产品。</translation>
    </message>
    <message>
      <source>Add the supplier on the Suppliers tab first.</source>
      <translation>请先在“供应商”标签页添加供应商。</translation>
    </message>
    <message>
      <source>Quote of {supplier} saved.</source>
      <translation>已保存 {supplier} 的报价。</translation>
    </message>
    <message>
      <source>this supplier</source>
      <translation>该供应商</translation>
    </message>
    <message>
      <source>Delete the quote of {supplier} with its price breaks?</source>
      <translation>删除 {supplier} 的报价及其阶梯价？</translation>
    </message>
    <message>
      <source>Delete quote</source>
      <translation>删除报价</translation>
    </message>
    <message>
      <source>New product</source>
      <translation>新建产品</translation>
    </message>
    <message>
      <source>Product name (English or 中文):</source>
      <translation>产品名称（中文或英文）：</translation>
    </message>
    <message>
      <source>Agreed: {supplier} is now the chosen supplier.</source>
      <translation>已成交：{supplier} 现为选定供应商。</translation>
    </message>
    <message>
      <source>The negotiation worksheet has unsaved changes. Save them?</source>
      <translation>谈判表有未保存的更改。要保存吗？</translation>
    </message>
  </context>
  <context>
    <name>NegotiationTabView</name>
    <message>
      <source>Filter products (Ctrl+F)</source>
      <translation>筛选产品 (Ctrl+F)</translation>
    </message>
    <message>
      <source>New &amp;product…</source>
      <translation>新建产品(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;New quote</source>
      <translation>新建报价(&amp;N)</translation>
    </message>
    <message>
      <source>Co&amp;mparison / 比价</source>
      <translation>比价(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Quote / 报价</source>
      <translation>报价(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Worksheet / 谈判</source>
      <translation>谈判(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Landed cost / 到岸成本</source>
      <translation>到岸成本(&amp;L)</translation>
    </message>
    <message>
      <source>P&amp;hrasebook / 常用语</source>
      <translation>常用语(&amp;H)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Products&lt;/b&gt;</source>
      <translation>&lt;b&gt;产品&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Delete quote…</source>
      <translation>删除报价(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Paste 1688 price table</source>
      <translation>粘贴 1688 价格表(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Find product</source>
      <translation>查找产品(&amp;F)</translation>
    </message>
    <message>
      <source>Open the p&amp;hrasebook</source>
      <translation>打开常用语(&amp;H)</translation>
    </message>
    <message>
      <source>No products to negotiate yet</source>
      <translation>还没有要谈判的产品</translation>
    </message>
    <message>
      <source>Gather every supplier's quote for a product with its price breaks, compare them at the quantity you plan, keep a worksheet of targets and rounds with each supplier, and see the landed cost at your door.&lt;br&gt;&lt;br&gt;Start with a product (New product…), then add each supplier's quote for it (New quote; the suppliers come from the Suppliers tab).</source>
      <translation>收集每家供应商对同一产品的报价及其阶梯价，按您计划的数量比价，用谈判表记录与每家供应商的目标价格和谈判轮次，并查看货到您手中的到岸成本。&lt;br&gt;&lt;br&gt;先新建产品（新建产品…），再为它添加每家供应商的报价（新建报价；供应商来自“供应商”标签页）。</translation>
    </message>
  </context>
  <context>
    <name>OrderForm</name>
    <message>
      <source>Product / 产品</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Qty / 数量</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Unit price / 单价</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>HS code</source>
      <translation>海关编码</translation>
    </message>
    <message>
      <source>Choose the product (F2 or double-click); an agreed quote fills the price</source>
      <translation>选择产品（F2 或双击）；有已谈定的报价时自动填入单价</translation>
    </message>
    <message>
      <source>Pieces ordered</source>
      <translation>订购件数</translation>
    </message>
    <message>
      <source>Exact unit price as 1688 shows it (up to 3 places)</source>
      <translation>与 1688 显示一致的单价（最多 3 位小数）</translation>
    </message>
    <message>
      <source>币种: CNY on 1688</source>
      <translation>币种：1688 上为 CNY</translation>
    </message>
    <message>
      <source>海关编码 (HS code), digits with dots: 6307.90</source>
      <translation>海关编码 (HS)，数字加点：6307.90</translation>
    </message>
    <message>
      <source>Ordered / 下单日期</source>
      <translation>下单日期</translation>
    </message>
    <message>
      <source>Paid / 付款日期</source>
      <translation>付款日期</translation>
    </message>
    <message>
      <source>Shipped / 发货日期</source>
      <translation>发货日期</translation>
    </message>
    <message>
      <source>Signed for / 签收日期</source>
      <translation>签收日期</translation>
    </message>
    <message>
      <source>&lt;b&gt;Order&lt;/b&gt;</source>
      <translation>&lt;b&gt;订单&lt;/b&gt;</translation>
    </message>
    <message>
      <source>1688 订单号, e.g. 3421658712345678901</source>
      <translation>1688 订单号，例如 3421658712345678901</translation>
    </message>
    <message>
      <source>Remove item</source>
      <translation>删除商品</translation>
    </message>
    <message>
      <source>per order, e.g. 12.00</source>
      <translation>每个订单，例如 12.00</translation>
    </message>
    <message>
      <source>国内运单号 the supplier's tracking number</source>
      <translation>国内运单号（供应商发货的快递单号）</translation>
    </message>
    <message>
      <source>&amp;Save order</source>
      <translation>保存订单(&amp;S)</translation>
    </message>
    <message>
      <source>Supplier / 供应商</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Order № / 订单号</source>
      <translation>订单号</translation>
    </message>
    <message>
      <source>Status / 状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Items / 商品</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Domestic shipping / 运费</source>
      <translation>国内运费</translation>
    </message>
    <message>
      <source>Tracking № / 运单号</source>
      <translation>运单号</translation>
    </message>
    <message>
      <source>Note / 备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&lt;b&gt;Order&lt;/b&gt; — choose an order, or New order (Ctrl+N)</source>
      <translation>&lt;b&gt;订单&lt;/b&gt; — 请选择一个订单，或新建订单 (Ctrl+N)</translation>
    </message>
    <message>
      <source>new order</source>
      <translation>新订单</translation>
    </message>
    <message>
      <source>New order</source>
      <translation>新订单</translation>
    </message>
    <message>
      <source>Item {number}: {problem}</source>
      <translation>第 {number} 项：{problem}</translation>
    </message>
    <message>
      <source>No agreed quote for this product: type its unit price.</source>
      <translation>该产品没有已谈定的报价：请填写单价。</translation>
    </message>
    <message>
      <source>Unit price {price} from the agreed quote (agreed with another supplier).</source>
      <translation>单价 {price} 取自已谈定的报价（与另一家供应商谈定）。</translation>
    </message>
    <message>
      <source>Unit price {price} from the agreed quote.</source>
      <translation>单价 {price} 取自已谈定的报价。</translation>
    </message>
    <message>
      <source>the quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>the unit price</source>
      <translation>单价</translation>
    </message>
    <message>
      <source>Choose the product.</source>
      <translation>请选择产品。</translation>
    </message>
    <message>
      <source>Type the quantity and the unit price.</source>
      <translation>请填写数量和单价。</translation>
    </message>
    <message>
      <source>the domestic shipping</source>
      <translation>国内运费</translation>
    </message>
    <message>
      <source>Choose the supplier of the order.</source>
      <translation>请选择订单的供应商。</translation>
    </message>
  </context>
  <context>
    <name>OrdersPage</name>
    <message>
      <source>(no items)</source>
      <translation>（无商品）</translation>
    </message>
    <message>
      <source>Order № / 订单号</source>
      <translation>订单号</translation>
    </message>
    <message>
      <source>1688 订单号 (kept as text: 19 digits survive)</source>
      <translation>1688 订单号（按文本保存：19 位数字不丢失）</translation>
    </message>
    <message>
      <source>Supplier / 供应商</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Status / 状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>订单状态: Ctrl+Right or ] moves the selected orders one step on; right-click to set any status</source>
      <translation>订单状态：按 Ctrl+→ 或 ] 将所选订单推进一步；右键可设为任意状态</translation>
    </message>
    <message>
      <source>Items / 商品</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Goods / 货款</source>
      <translation>货款</translation>
    </message>
    <message>
      <source>several currencies</source>
      <translation>多种币种</translation>
    </message>
    <message>
      <source>货款: quantity × unit price, rounded once</source>
      <translation>货款：数量 × 单价，只取整一次</translation>
    </message>
    <message>
      <source>Shipping / 运费</source>
      <translation>运费</translation>
    </message>
    <message>
      <source>国内运费 per order</source>
      <translation>国内运费（每个订单）</translation>
    </message>
    <message>
      <source>Tracking / 运单号</source>
      <translation>运单号</translation>
    </message>
    <message>
      <source>Ordered / 下单</source>
      <translation>下单</translation>
    </message>
    <message>
      <source>Paid / 付款</source>
      <translation>付款</translation>
    </message>
    <message>
      <source>Shipped / 发货</source>
      <translation>发货</translation>
    </message>
    <message>
      <source>Signed / 签收</source>
      <translation>签收</translation>
    </message>
    <message>
      <source>已签收 at the agent's warehouse</source>
      <translation>已在代理仓库签收</translation>
    </message>
    <message>
      <source>Parcels / 包裹</source>
      <translation>包裹</translation>
    </message>
    <message>
      <source>The parcels at the agent that carry it</source>
      <translation>代理仓库中装有该订单货物的包裹</translation>
    </message>
    <message>
      <source>All statuses / 全部</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Find: order №, supplier, item… (Ctrl+F)</source>
      <translation>查找：订单号、供应商、商品…（Ctrl+F）</translation>
    </message>
    <message>
      <source>&amp;New order</source>
      <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
      <source>Ad&amp;vance status ▶</source>
      <translation>推进状态(&amp;V) ▶</translation>
    </message>
    <message>
      <source>下一个状态: Ctrl+Right or ] in the table</source>
      <translation>下一个状态：在表格中按 Ctrl+→ 或 ]</translation>
    </message>
    <message>
      <source>Status:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>{shown} of {total}</source>
      <translation>{shown} / {total}</translation>
    </message>
  </context>
  <context>
    <name>ParcelForm</name>
    <message>
      <source>L</source>
      <translation>长</translation>
    </message>
    <message>
      <source>W</source>
      <translation>宽</translation>
    </message>
    <message>
      <source>H</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Photo / 照片</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>Caption / 说明</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>&lt;b&gt;Parcel&lt;/b&gt;</source>
      <translation>&lt;b&gt;包裹&lt;/b&gt;</translation>
    </message>
    <message>
      <source>运单号 or the agent's parcel code</source>
      <translation>运单号或代理的包裹编号</translation>
    </message>
    <message>
      <source>what is in it, e.g. 帆布包 tote bags</source>
      <translation>里面是什么货，例如 帆布包</translation>
    </message>
    <message>
      <source>订单: tick the orders this parcel carries (Space ticks)</source>
      <translation>订单：勾选这个包裹装有的订单（空格键勾选）</translation>
    </message>
    <message>
      <source>kg, e.g. 6.4 or 6,4</source>
      <translation>公斤，例如 6.4 或 6,4</translation>
    </message>
    <message>
      <source>Sides in cm, any order; or type all three here: 50×40×30</source>
      <translation>边长（厘米），顺序不限；也可在此一次填三边：50×40×30</translation>
    </message>
    <message>
      <source>for insurance, e.g. 980.00</source>
      <translation>用于保险，例如 980.00</translation>
    </message>
    <message>
      <source>&amp;Save parcel</source>
      <translation>保存包裹(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Import photos…</source>
      <translation>导入照片(&amp;I)…</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>删除照片</translation>
    </message>
    <message>
      <source>caption of the selected photo, Enter</source>
      <translation>所选照片的说明，按回车保存</translation>
    </message>
    <message>
      <source>Code / 运单号</source>
      <translation>运单号</translation>
    </message>
    <message>
      <source>Contents / 货物</source>
      <translation>货物</translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Orders / 订单</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Actual weight / 实重</source>
      <translation>实重</translation>
    </message>
    <message>
      <source>Size / 尺寸</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <source>Arrived / 到仓日期</source>
      <translation>到仓日期</translation>
    </message>
    <message>
      <source>Restricted / 敏感货</source>
      <translation>敏感货</translation>
    </message>
    <message>
      <source>Declared value / 申报价值</source>
      <translation>申报价值</translation>
    </message>
    <message>
      <source>Note / 备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&lt;b&gt;Photos / 照片&lt;/b&gt; (the parcel as the agent photographed it)</source>
      <translation>&lt;b&gt;照片&lt;/b&gt;（代理拍摄的包裹实拍图）</translation>
    </message>
    <message>
      <source>a side</source>
      <translation>边长</translation>
    </message>
    <message>
      <source>L × W × H = {sides} (longest first: the lines' rule)</source>
      <translation>长 × 宽 × 高 = {sides}（按线路规则，最长边在前）</translation>
    </message>
    <message>
      <source>— no agent (180 free days) —</source>
      <translation>— 无代理（免费仓储 180 天）—</translation>
    </message>
    <message>
      <source>&lt;b&gt;Parcel&lt;/b&gt; — choose a parcel, or New parcel (Ctrl+N)</source>
      <translation>&lt;b&gt;包裹&lt;/b&gt; — 请选择一个包裹，或新建包裹 (Ctrl+N)</translation>
    </message>
    <message>
      <source>New parcel</source>
      <translation>新包裹</translation>
    </message>
    <message>
      <source>Save the parcel first</source>
      <translation>请先保存包裹</translation>
    </message>
    <message>
      <source>the weight</source>
      <translation>重量</translation>
    </message>
    <message>
      <source>the declared value</source>
      <translation>申报价值</translation>
    </message>
  </context>
  <context>
    <name>ParcelsControl</name>
    <message>
      <source>Unsaved parcel</source>
      <translation>包裹未保存</translation>
    </message>
    <message>
      <source>The parcel form has unsaved changes. Save them?</source>
      <translation>包裹表单有未保存的修改，是否保存？</translation>
    </message>
    <message>
      <source>Parcel {parcel} saved.</source>
      <translation>包裹 {parcel} 已保存。</translation>
    </message>
    <message>
      <source>Delete parcels</source>
      <translation>删除包裹</translation>
    </message>
    <message>
      <source>Delete {count} parcel(s) with their photos?</source>
      <translation>删除 {count} 个包裹及其照片？</translation>
    </message>
    <message>
      <source>Import photos</source>
      <translation>导入照片</translation>
    </message>
    <message>
      <source>Save the parcel first, then add its photos.</source>
      <translation>请先保存包裹，再添加照片。</translation>
    </message>
    <message>
      <source>{count} photo(s) already on this parcel: not added again.</source>
      <translation>{count} 张照片已在此包裹中：不再重复添加。</translation>
    </message>
    <message>
      <source>Remove photo</source>
      <translation>删除照片</translation>
    </message>
    <message>
      <source>Remove this photo from the parcel?</source>
      <translation>从包裹中删除这张照片？</translation>
    </message>
    <message>
      <source>A photo file could not be removed: {error}</source>
      <translation>无法删除照片文件：{error}</translation>
    </message>
  </context>
  <context>
    <name>ParcelsPage</name>
    <message>
      <source>no arrival date</source>
      <translation>无到仓日期</translation>
    </message>
    <message>
      <source>left the warehouse</source>
      <translation>已出库</translation>
    </message>
    <message>
      <source>⚠ ended {days} days ago: fees running</source>
      <translation>⚠ 已过期 {days} 天：正在收取仓储费</translation>
    </message>
    <message>
      <source>⚠ {days} days left: ship soon</source>
      <translation>⚠ 剩余 {days} 天：请尽快发货</translation>
    </message>
    <message>
      <source>{days} days left</source>
      <translation>剩余 {days} 天</translation>
    </message>
    <message>
      <source>Waiting · 待发</source>
      <translation>待发</translation>
    </message>
    <message>
      <source>{shipment} · {status} {status_zh}</source>
      <translation>{shipment} · {status_zh}</translation>
    </message>
    <message>
      <source>Code / 运单号</source>
      <translation>运单号</translation>
    </message>
    <message>
      <source>The tracking number or the agent's parcel code</source>
      <translation>运单号或代理的包裹编号</translation>
    </message>
    <message>
      <source>Contents / 货物</source>
      <translation>货物</translation>
    </message>
    <message>
      <source>Actual / 实重</source>
      <translation>实重</translation>
    </message>
    <message>
      <source>实重: the agent's scale</source>
      <translation>实重：代理仓库称重</translation>
    </message>
    <message>
      <source>L × W × H / 尺寸</source>
      <translation>尺寸（长×宽×高）</translation>
    </message>
    <message>
      <source>尺寸: sorted longest first whatever order they were typed in</source>
      <translation>尺寸：无论输入顺序如何，最长边排在最前</translation>
    </message>
    <message>
      <source>Free storage / 免费仓储</source>
      <translation>免费仓储</translation>
    </message>
    <message>
      <source>免费仓储: days left before the agent's storage fee starts (⚠ within 14 days)</source>
      <translation>免费仓储：距代理开始收取仓储费的剩余天数（14 天内显示 ⚠）</translation>
    </message>
    <message>
      <source>Restricted / 敏感货</source>
      <translation>敏感货</translation>
    </message>
    <message>
      <source>Status / 状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Waiting at the warehouse, or its shipment</source>
      <translation>在仓库待发，或所属的发货批次</translation>
    </message>
    <message>
      <source>Orders / 订单</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>The 1688 orders it carries</source>
      <translation>包裹装有的 1688 订单</translation>
    </message>
    <message>
      <source>Supplier / 供应商</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Arrived / 到仓</source>
      <translation>到仓</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
    <message>
      <source>All parcels</source>
      <translation>全部包裹</translation>
    </message>
    <message>
      <source>Waiting / 待发</source>
      <translation>待发</translation>
    </message>
    <message>
      <source>In a shipment / 已安排</source>
      <translation>已安排发货</translation>
    </message>
    <message>
      <source>Find: code, contents, order, supplier… (Ctrl+F)</source>
      <translation>查找：运单号、货物、订单、供应商…（Ctrl+F）</translation>
    </message>
    <message>
      <source>&amp;New parcel</source>
      <translation>新建包裹(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Plan selected ▶</source>
      <translation>为所选包裹计算方案(&amp;P) ▶</translation>
    </message>
    <message>
      <source>方案: price the selected parcels on every line (Ctrl+L)</source>
      <translation>方案：按每条线路为所选包裹报价 (Ctrl+L)</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>显示：</translation>
    </message>
    <message>
      <source>{shown} of {total}</source>
      <translation>{shown} / {total}</translation>
    </message>
    <message>
      <source>{names} and {count} more</source>
      <translation>{names}，另有 {count} 个</translation>
    </message>
    <message>
      <source>⚠ Free storage ends soon or has ended for {count} parcel(s): {names}. Ship them before storage fees run.</source>
      <translation>⚠ {count} 个包裹的免费仓储即将到期或已到期：{names}。请在产生仓储费之前发货。</translation>
    </message>
  </context>
  <context>
    <name>PhotoGridModel</name>
    <message>
      <source>no photo</source>
      <translation>无照片</translation>
    </message>
    <message>
      <source>Cannot be shown: {reason}</source>
      <translation>无法显示：{reason}</translation>
    </message>
    <message>
      <source>Double-click to open it.</source>
      <translation>双击打开。</translation>
    </message>
  </context>
  <context>
    <name>PhotoViewer</name>
    <message>
      <source>Loading…</source>
      <translation>正在加载…</translation>
    </message>
    <message>
      <source>‹ Previous</source>
      <translation>‹ 上一张</translation>
    </message>
    <message>
      <source>Previous photo (←, Page Up)</source>
      <translation>上一张照片 (←, Page Up)</translation>
    </message>
    <message>
      <source>Next ›</source>
      <translation>下一张 ›</translation>
    </message>
    <message>
      <source>Next photo (→, Page Down)</source>
      <translation>下一张照片 (→, Page Down)</translation>
    </message>
    <message>
      <source>Zoom out (−, Ctrl+wheel)</source>
      <translation>缩小 (−, Ctrl+滚轮)</translation>
    </message>
    <message>
      <source>Zoom in (+, Ctrl+wheel)</source>
      <translation>放大 (+, Ctrl+滚轮)</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>适应</translation>
    </message>
    <message>
      <source>Fit to the window (0)</source>
      <translation>适应窗口 (0)</translation>
    </message>
    <message>
      <source>Actual size (1)</source>
      <translation>实际大小 (1)</translation>
    </message>
    <message>
      <source>Drag to pan · Esc closes</source>
      <translation>拖动可平移 · Esc 关闭</translation>
    </message>
    <message>
      <source>This photo cannot be shown.
{reason}</source>
      <translation>无法显示这张照片。
{reason}</translation>
    </message>
  </context>
  <context>
    <name>PhrasebookPage</name>
    <message>
      <source>Chinese, English or a category (Ctrl+F)</source>
      <translation>中文、英文或类别 (Ctrl+F)</translation>
    </message>
    <message>
      <source>&amp;Copy Chinese</source>
      <translation>复制中文(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Delete my phrase</source>
      <translation>删除我的常用语(&amp;D)</translation>
    </message>
    <message>
      <source>Only your own phrases can be deleted; the built-in stay.</source>
      <translation>只能删除您自己添加的常用语；内置常用语保留。</translation>
    </message>
    <message>
      <source>e.g. 可以开发票吗？</source>
      <translation>如：可以开发票吗？</translation>
    </message>
    <message>
      <source>e.g. Can you issue an invoice?</source>
      <translation>如：Can you issue an invoice?</translation>
    </message>
    <message>
      <source>&amp;Add phrase</source>
      <translation>添加常用语(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Search</source>
      <translation>搜索(&amp;S)</translation>
    </message>
    <message>
      <source>Add your own phrase</source>
      <translation>添加自己的常用语</translation>
    </message>
    <message>
      <source>Ch&amp;inese 中文</source>
      <translation>中文(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;English</source>
      <translation>英文(&amp;E)</translation>
    </message>
    <message>
      <source>Ca&amp;tegory</source>
      <translation>类别(&amp;T)</translation>
    </message>
    <message>
      <source>{shown} of {total}</source>
      <translation>{shown} / {total}</translation>
    </message>
    <message>
      <source>Copied: {phrase}</source>
      <translation>已复制：{phrase}</translation>
    </message>
    <message>
      <source>Enter the Chinese.</source>
      <translation>请输入中文。</translation>
    </message>
    <message>
      <source>Enter the English.</source>
      <translation>请输入英文。</translation>
    </message>
  </context>
  <context>
    <name>PhrasesModel</name>
    <message>
      <source>built-in</source>
      <translation>内置</translation>
    </message>
    <message>
      <source>yours</source>
      <translation>我的</translation>
    </message>
    <message>
      <source>Chinese 中文</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Enter or double-click copies the Chinese.</source>
      <translation>按 Enter 或双击即可复制中文。</translation>
    </message>
  </context>
  <context>
    <name>PlannerPage</name>
    <message>
      <source>★ cheapest</source>
      <translation>★ 最便宜</translation>
    </message>
    <message>
      <source>⚡ fastest</source>
      <translation>⚡ 最快</translation>
    </message>
    <message>
      <source>not compared</source>
      <translation>未比较</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>不可走</translation>
    </message>
    <message>
      <source>Consolidating saves {amount} over sending each parcel alone.</source>
      <translation>合箱比每个包裹单独寄省 {amount}。</translation>
    </message>
    <message>
      <source>Consolidating saves nothing on this line.</source>
      <translation>在这条线路上合箱并不省钱。</translation>
    </message>
    <message>
      <source>Parcels selected on the Parcels page</source>
      <translation>“包裹”页中选中的包裹</translation>
    </message>
    <message>
      <source>All waiting parcels / 全部待发</source>
      <translation>全部待发包裹</translation>
    </message>
    <message>
      <source>Compare repacked / 去包装</source>
      <translation>比较去包装</translation>
    </message>
    <message>
      <source>Insure / 保险</source>
      <translation>保险</translation>
    </message>
    <message>
      <source>Ship on this date: storage fees accrued by then are added</source>
      <translation>在此日期发货：届时已产生的仓储费会计入</translation>
    </message>
    <message>
      <source>Pla&amp;n / 计算</source>
      <translation>计算(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Create shipment…</source>
      <translation>创建发货(&amp;C)…</translation>
    </message>
    <message>
      <source>Ship on:</source>
      <translation>发货日期：</translation>
    </message>
    <message>
      <source>&lt;b&gt;Boxes of the chosen line&lt;/b&gt; — way:</source>
      <translation>&lt;b&gt;所选线路的装箱&lt;/b&gt; — 方式：</translation>
    </message>
    <message>
      <source>Best / 推荐</source>
      <translation>推荐</translation>
    </message>
    <message>
      <source>★ cheapest total, ⚡ fewest transit days</source>
      <translation>★ 总价最低，⚡ 时效最短</translation>
    </message>
    <message>
      <source>Line / 线路</source>
      <translation>线路</translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Accepted / 可走</source>
      <translation>可走</translation>
    </message>
    <message>
      <source>✓ yes</source>
      <translation>✓ 可走</translation>
    </message>
    <message>
      <source>Refused: which limit, which parcel</source>
      <translation>不可走时：超出哪项限制、哪个包裹</translation>
    </message>
    <message>
      <source>Way / 方式</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>合箱, or 合箱去包装 when cheaper</source>
      <translation>合箱；更便宜时为合箱去包装</translation>
    </message>
    <message>
      <source>Boxes / 箱数</source>
      <translation>箱数</translation>
    </message>
    <message>
      <source>Actual / 实重</source>
      <translation>实重</translation>
    </message>
    <message>
      <source>Volumetric / 体积重</source>
      <translation>体积重</translation>
    </message>
    <message>
      <source>L×W×H ÷ the line's divisor; — on actual-weight lines</source>
      <translation>长×宽×高 ÷ 线路抛比；只按实重的线路显示 —</translation>
    </message>
    <message>
      <source>Chargeable / 计费重量</source>
      <translation>计费重量</translation>
    </message>
    <message>
      <source>max(actual, volumetric) by the line's rules, rounded up to its step</source>
      <translation>按线路规则取实重与体积重的较大者，并向上进位</translation>
    </message>
    <message>
      <source>Freight / 运费</source>
      <translation>运费</translation>
    </message>
    <message>
      <source>freight + fuel + the line's per-box fees</source>
      <translation>运费 + 燃油附加费 + 线路单箱费</translation>
    </message>
    <message>
      <source>Fees / 代理费</source>
      <translation>代理费</translation>
    </message>
    <message>
      <source>handling, 合箱, repack, insurance, storage</source>
      <translation>操作费、合箱、去包装、保险、仓储费</translation>
    </message>
    <message>
      <source>Cost / 合计</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>freight + fees</source>
      <translation>运费 + 代理费</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Separately / 分开寄</source>
      <translation>分开寄</translation>
    </message>
    <message>
      <source>Each parcel sent alone: consolidating can lose</source>
      <translation>每个包裹单独寄：合箱也可能更贵</translation>
    </message>
    <message>
      <source>Repacked / 去包装</source>
      <translation>去包装</translation>
    </message>
    <message>
      <source>合箱去包装: the agent removes the suppliers' boxes</source>
      <translation>合箱去包装：代理拆掉供应商的外箱</translation>
    </message>
    <message>
      <source>Transit / 时效</source>
      <translation>时效</translation>
    </message>
    <message>
      <source>W/M: whole consignment</source>
      <translation>W/M：按整票计</translation>
    </message>
    <message>
      <source>Box</source>
      <translation>箱</translation>
    </message>
    <message>
      <source>Parcels / 包裹</source>
      <translation>包裹</translation>
    </message>
    <message>
      <source>Est. size / 估计尺寸</source>
      <translation>估计尺寸</translation>
    </message>
    <message>
      <source>The agent measures after packing: estimated towards the larger box</source>
      <translation>代理在打包后测量：按偏大的箱子估计</translation>
    </message>
    <message>
      <source>with the carton</source>
      <translation>含纸箱</translation>
    </message>
    <message>
      <source>Repacked</source>
      <translation>去包装</translation>
    </message>
    <message>
      <source>Choose parcels and press Plan (Ctrl+L on Parcels).</source>
      <translation>请选择包裹并点击“计算”（在“包裹”页按 Ctrl+L）。</translation>
    </message>
    <message>
      <source>No shipping line yet: add one on Agents &amp; lines.</source>
      <translation>还没有线路：请在“代理与线路”页添加。</translation>
    </message>
    <message>
      <source>No line can take these parcels as they are.</source>
      <translation>没有线路能按现状承运这些包裹。</translation>
    </message>
    <message>
      <source>Refused — {lines}.</source>
      <translation>不可走 — {lines}。</translation>
    </message>
    <message>
      <source>refused: {reason}</source>
      <translation>不可走：{reason}</translation>
    </message>
    <message>
      <source>this way is refused.</source>
      <translation>此方式不可走。</translation>
    </message>
  </context>
  <context>
    <name>ProductForm</name>
    <message>
      <source>&amp;Name</source>
      <translation>名称(&amp;N)</translation>
    </message>
    <message>
      <source>e.g. Magnetic phone stand</source>
      <translation>例如 Magnetic phone stand</translation>
    </message>
    <message>
      <source>Chinese name</source>
      <translation>中文名</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类目</translation>
    </message>
    <message>
      <source>e.g. phone accessories</source>
      <translation>例如 手机配件</translation>
    </message>
    <message>
      <source>Material</source>
      <translation>材质</translation>
    </message>
    <message>
      <source>e.g. aluminium alloy, silicone pads</source>
      <translation>例如 铝合金、硅胶垫</translation>
    </message>
    <message>
      <source>Colour</source>
      <translation>颜色</translation>
    </message>
    <message>
      <source>e.g. space grey</source>
      <translation>例如 深空灰</translation>
    </message>
    <message>
      <source>Score 1-5</source>
      <translation>评分 1-5</translation>
    </message>
    <message>
      <source>Pass / fail</source>
      <translation>合格 / 不合格</translation>
    </message>
    <message>
      <source>{label} ({unit}): '{text}' is not a number; type it like 12.5, or clear it (a point for decimals, not a comma).</source>
      <translation>{label}（{unit}）：“{text}”不是数字；请按 12.5 这样输入，或清空（小数用小数点，不用逗号）。</translation>
    </message>
    <message>
      <source>{label} ({unit}): '{text}' is not a number; type it like 12.5, or clear it.</source>
      <translation>{label}（{unit}）：“{text}”不是数字；请按 12.5 这样输入，或清空。</translation>
    </message>
    <message>
      <source>Product and target spec</source>
      <translation>产品与目标规格</translation>
    </message>
    <message>
      <source>What the samples must meet</source>
      <translation>样品必须达到的要求</translation>
    </message>
    <message>
      <source>Criterion</source>
      <translation>评分项</translation>
    </message>
    <message>
      <source>Scored</source>
      <translation>评分方式</translation>
    </message>
    <message>
      <source>New criterion, e.g. Stitching</source>
      <translation>新评分项，例如 缝线</translation>
    </message>
    <message>
      <source>&amp;Add</source>
      <translation>添加(&amp;A)</translation>
    </message>
    <message>
      <source>Rena&amp;me</source>
      <translation>重命名(&amp;M)</translation>
    </message>
    <message>
      <source>Remo&amp;ve</source>
      <translation>删除(&amp;V)</translation>
    </message>
    <message>
      <source>&amp;Save product</source>
      <translation>保存产品(&amp;S)</translation>
    </message>
    <message>
      <source>Store the product, its spec and criteria (Ctrl+S)</source>
      <translation>保存产品、规格和评分项 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Undo the changes not saved yet (Esc)</source>
      <translation>撤销尚未保存的更改 (Esc)</translation>
    </message>
    <message>
      <source>Target size L × W × H</source>
      <translation>目标尺寸 长 × 宽 × 高</translation>
    </message>
    <message>
      <source>Target weight</source>
      <translation>目标重量</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Scoring criteria</source>
      <translation>评分项</translation>
    </message>
    <message>
      <source>Every product is scored on the first four; add its own below.</source>
      <translation>每个产品都按前四项评分；可在下方添加本产品自己的评分项。</translation>
    </message>
    <message>
      <source>'{criterion}' and its scores will be deleted when you save; Revert (Esc) keeps them.</source>
      <translation>保存时将删除“{criterion}”及其评分；还原 (Esc) 可保留。</translation>
    </message>
    <message>
      <source>Built in: every product is scored on it.</source>
      <translation>内置：每个产品都按此项评分。</translation>
    </message>
    <message>
      <source>Double-click or F2 to rename; its scores keep the new name.</source>
      <translation>双击或按 F2 重命名；已有评分随新名称保留。</translation>
    </message>
    <message>
      <source>Target {measure}</source>
      <translation>目标{measure}</translation>
    </message>
  </context>
  <context>
    <name>ProductsModel</name>
    <message>
      <source>Product / 产品</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Quotes</source>
      <translation>报价数</translation>
    </message>
    <message>
      <source>Chosen supplier</source>
      <translation>选定供应商</translation>
    </message>
    <message>
      <source>The supplier of the agreed quote: the product's chosen supplier</source>
      <translation>已成交报价的供应商：该产品的选定供应商</translation>
    </message>
  </context>
  <context>
    <name>ProvinceCombo</name>
    <message>
      <source>e.g. 浙江 Zhejiang</source>
      <translation>例如 浙江</translation>
    </message>
  </context>
  <context>
    <name>QuoteForm</name>
    <message>
      <source>MOQ / 起订量</source>
      <translation>起订量</translation>
    </message>
    <message>
      <source>Order multiple / 倍数</source>
      <translation>倍数</translation>
    </message>
    <message>
      <source>Shop minimum, pieces</source>
      <translation>店铺起批件数</translation>
    </message>
    <message>
      <source>Lead time, days / 交期</source>
      <translation>交期（天）</translation>
    </message>
    <message>
      <source>&lt;b&gt;Quote&lt;/b&gt;</source>
      <translation>&lt;b&gt;报价&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&amp;Paste 1688 price table</source>
      <translation>粘贴 1688 价格表(&amp;P)</translation>
    </message>
    <message>
      <source>Copy the price table on the 1688 page, e.g. '{example}'</source>
      <translation>复制 1688 页面上的价格表，如“{example}”</translation>
    </message>
    <message>
      <source>Remove break</source>
      <translation>删除阶梯</translation>
    </message>
    <message>
      <source>e.g. 300</source>
      <translation>如 300</translation>
    </message>
    <message>
      <source>per order, in the quote's currency</source>
      <translation>每单，以报价币种计</translation>
    </message>
    <message>
      <source>Shipping included / 包邮</source>
      <translation>包邮</translation>
    </message>
    <message>
      <source>e.g. 30 % deposit, 70 % before shipment</source>
      <translation>如：定金 30 %，发货前付尾款 70 %</translation>
    </message>
    <message>
      <source>&amp;Save quote</source>
      <translation>保存报价(&amp;S)</translation>
    </message>
    <message>
      <source>Supplier / 供应商</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Currency / 币种</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Price breaks / 阶梯价</source>
      <translation>阶梯价</translation>
    </message>
    <message>
      <source>Shop minimum, amount</source>
      <translation>店铺起批金额</translation>
    </message>
    <message>
      <source>Valid from</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>Valid until / 有效期至</source>
      <translation>有效期至</translation>
    </message>
    <message>
      <source>Domestic shipping / 运费</source>
      <translation>国内运费</translation>
    </message>
    <message>
      <source>Payment terms / 付款方式</source>
      <translation>付款方式</translation>
    </message>
    <message>
      <source>Trade term / 贸易术语</source>
      <translation>贸易术语</translation>
    </message>
    <message>
      <source>Note / 备注</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>&lt;b&gt;Quote&lt;/b&gt; — choose a product, then a quote or New quote</source>
      <translation>&lt;b&gt;报价&lt;/b&gt; — 先选择产品，再选择报价或新建报价</translation>
    </message>
    <message>
      <source>new quote</source>
      <translation>新报价</translation>
    </message>
    <message>
      <source>quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Pasted {count} price breaks; MOQ {moq}.</source>
      <translation>已粘贴 {count} 档阶梯价；起订量 {moq}。</translation>
    </message>
    <message>
      <source>the shop's minimum amount</source>
      <translation>店铺起批金额</translation>
    </message>
    <message>
      <source>the domestic shipping</source>
      <translation>国内运费</translation>
    </message>
  </context>
  <context>
    <name>RadarChart</name>
    <message>
      <source>Select 2 to 5 suppliers to compare</source>
      <translation>选择 2 到 5 家供应商进行对比</translation>
    </message>
    <message>
      <source>Select 2 to 5 suppliers to compare ({count} selected)</source>
      <translation>选择 2 到 5 家供应商进行对比（已选 {count} 家）</translation>
    </message>
    <message>
      <source>{name} (unknown: {axes})</source>
      <translation>{name}（未知：{axes}）</translation>
    </message>
  </context>
  <context>
    <name>RatesModel</name>
    <message>
      <source>'{code}' is not a currency code like CNY or USD.</source>
      <translation>“{code}”不是货币代码（如 CNY 或 USD）。</translation>
    </message>
    <message>
      <source>the rate: 1 {home} = x {code}</source>
      <translation>汇率：1 {home} = x {code}</translation>
    </message>
    <message>
      <source>Enter {what}.</source>
      <translation>请输入{what}。</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>币种</translation>
    </message>
    <message>
      <source>Rate</source>
      <translation>汇率</translation>
    </message>
    <message>
      <source>As of</source>
      <translation>生效日期</translation>
    </message>
    <message>
      <source>{date} (older)</source>
      <translation>{date}（较旧）</translation>
    </message>
    <message>
      <source>In use for imports from {date} on</source>
      <translation>用于 {date} 起的进口</translation>
    </message>
    <message>
      <source>An older rate: used only for imports dated before the newer one</source>
      <translation>较旧的汇率：仅用于较新汇率生效日期之前的进口</translation>
    </message>
  </context>
  <context>
    <name>RedFlagListModel</name>
    <message>
      <source>{kind}: disqualifying while open (credit rating C)</source>
      <translation>{kind}：未解决前一票否决（信用评级 C）</translation>
    </message>
    <message>
      <source>Mark it resolved with the date and how: it then stops counting</source>
      <translation>填上解决日期和方式即为已解决，之后不再计入</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>Restore from backup</source>
      <translation>从备份恢复</translation>
    </message>
    <message>
      <source>Choose another backup…</source>
      <translation>选择其他备份…</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>The backup replaces &lt;b&gt;{file}&lt;/b&gt;. The file as it is now, with its photos, is kept beside it (named …before-restore-…), never deleted.</source>
      <translation>备份将替换 &lt;b&gt;{file}&lt;/b&gt;。当前的文件连同照片会保留在它旁边（名为 …before-restore-…），不会被删除。</translation>
    </message>
    <message>
      <source>Automatic backups:</source>
      <translation>自动备份：</translation>
    </message>
    <message>
      <source>No automatic backups yet.</source>
      <translation>还没有自动备份。</translation>
    </message>
    <message>
      <source>Choose a backup folder</source>
      <translation>选择备份文件夹</translation>
    </message>
  </context>
  <context>
    <name>RoundsModel</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Our offer</source>
      <translation>我方出价</translation>
    </message>
    <message>
      <source>Their counter</source>
      <translation>对方还价</translation>
    </message>
    <message>
      <source>Gap</source>
      <translation>差距</translation>
    </message>
    <message>
      <source>Concession</source>
      <translation>让步</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Their counter: {position}</source>
      <translation>对方还价：{position}</translation>
    </message>
    <message>
      <source>Their counter minus our offer (and as a % of our offer)</source>
      <translation>对方还价减我方出价（及其占我方出价的 %）</translation>
    </message>
  </context>
  <context>
    <name>SampleForm</name>
    <message>
      <source>follows the dates</source>
      <translation>随日期变化</translation>
    </message>
    <message>
      <source>set by hand</source>
      <translation>手动设置</translation>
    </message>
    <message>
      <source>'{code}' is not a currency code: choose one such as CNY or USD.</source>
      <translation>“{code}”不是货币代码：请选择 CNY 或 USD 等。</translation>
    </message>
  </context>
  <context>
    <name>SampleFormView</name>
    <message>
      <source>Requested</source>
      <translation>索样</translation>
    </message>
    <message>
      <source>Shipped</source>
      <translation>寄出</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>收到</translation>
    </message>
    <message>
      <source>Sample</source>
      <translation>样品</translation>
    </message>
    <message>
      <source>colour, size or model sent</source>
      <translation>寄来的颜色、尺码或型号</translation>
    </message>
    <message>
      <source>Requested, shipped and received follow the dates as you type them; choose a status here to set it by hand. Evaluated, approved and rejected are never changed by dates.</source>
      <translation>“已索样”“已寄出”“已收到”随你填写的日期自动变化；在此选择状态即为手动设置。“已评估”“已认可”“已拒绝”不会因日期而改变。</translation>
    </message>
    <message>
      <source>Free sample</source>
      <translation>免费样品</translation>
    </message>
    <message>
      <source>e.g. 35.50 or ¥3.20</source>
      <translation>例如 35.50 或 ¥3.20</translation>
    </message>
    <message>
      <source>e.g. 12.00</source>
      <translation>例如 12.00</translation>
    </message>
    <message>
      <source>what is wrong, if anything</source>
      <translation>存在的问题（如有）</translation>
    </message>
    <message>
      <source>your conclusion</source>
      <translation>你的结论</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Variant</source>
      <translation>款式</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>Shipping</source>
      <translation>运费</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Tracking no.</source>
      <translation>运单号</translation>
    </message>
    <message>
      <source>Measured</source>
      <translation>实测</translation>
    </message>
    <message>
      <source>Scores</source>
      <translation>评分</translation>
    </message>
    <message>
      <source>Defects</source>
      <translation>瑕疵</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>结论</translation>
    </message>
    <message>
      <source>&amp;Save sample</source>
      <translation>保存样品(&amp;S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Make it the ★ &amp;golden sample</source>
      <translation>设为 ★ 封样(&amp;G)</translation>
    </message>
    <message>
      <source>The approved reference of this product (one per product)</source>
      <translation>本产品认可的标准参照（每个产品一个）</translation>
    </message>
    <message>
      <source>{label} on</source>
      <translation>{label}日期</translation>
    </message>
    <message>
      <source>Measured {measure} ({unit})</source>
      <translation>实测{measure}（{unit}）</translation>
    </message>
    <message>
      <source>{measure} in {unit}, as measured</source>
      <translation>实测{measure}，单位 {unit}</translation>
    </message>
  </context>
  <context>
    <name>SampleLists</name>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类目</translation>
    </message>
    <message>
      <source>Samples</source>
      <translation>样品数</translation>
    </message>
    <message>
      <source>Golden</source>
      <translation>封样</translation>
    </message>
    <message>
      <source>★ chosen</source>
      <translation>★ 已选定</translation>
    </message>
    <message>
      <source>Supplier</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Variant</source>
      <translation>款式</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Total cost</source>
      <translation>总费用</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>照片</translation>
    </message>
  </context>
  <context>
    <name>SampleTerms</name>
    <message>
      <source>Appearance (colour, size, workmanship)</source>
      <translation>外观（颜色、尺寸、做工）</translation>
    </message>
    <message>
      <source>Function</source>
      <translation>功能</translation>
    </message>
    <message>
      <source>Material</source>
      <translation>材质</translation>
    </message>
    <message>
      <source>Packaging</source>
      <translation>包装</translation>
    </message>
    <message>
      <source>Length</source>
      <translation>长度</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>宽度</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>高度</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>重量</translation>
    </message>
    <message>
      <source>Sample price</source>
      <translation>样品价格</translation>
    </message>
    <message>
      <source>Shipping</source>
      <translation>运费</translation>
    </message>
    <message>
      <source>Total cost</source>
      <translation>总费用</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>合格</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>不合格</translation>
    </message>
  </context>
  <context>
    <name>SamplesTab</name>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Samples of {product}&lt;/b&gt;</source>
      <translation>&lt;b&gt;样品：{product}&lt;/b&gt;</translation>
    </message>
    <message>
      <source>New product</source>
      <translation>新建产品</translation>
    </message>
    <message>
      <source>Product name (English or 中文):</source>
      <translation>产品名称（英文或中文）：</translation>
    </message>
    <message>
      <source>Product saved.</source>
      <translation>产品已保存。</translation>
    </message>
    <message>
      <source>Delete product</source>
      <translation>删除产品</translation>
    </message>
    <message>
      <source>Delete this product with its {count} sample(s) and their photos? This cannot be undone.</source>
      <translation>删除此产品及其 {count} 个样品和照片吗？此操作无法撤销。</translation>
    </message>
    <message>
      <source>Make or choose a product first.</source>
      <translation>请先新建或选择一个产品。</translation>
    </message>
    <message>
      <source>Sample saved with {count} photo(s).</source>
      <translation>样品已保存，含 {count} 张照片。</translation>
    </message>
    <message>
      <source>Sample saved.</source>
      <translation>样品已保存。</translation>
    </message>
    <message>
      <source>Delete sample</source>
      <translation>删除样品</translation>
    </message>
    <message>
      <source>Delete this sample with its scores and photos? This cannot be undone.</source>
      <translation>删除此样品及其评分和照片吗？此操作无法撤销。</translation>
    </message>
    <message>
      <source>Golden sample chosen: the approved reference of this product.</source>
      <translation>已选定封样：本产品认可的标准参照。</translation>
    </message>
    <message>
      <source>Select 2 to {most} samples of one product to compare.</source>
      <translation>请选择同一产品的 2 到 {most} 个样品进行对比。</translation>
    </message>
    <message>
      <source>Compare 2 to {most} samples first.</source>
      <translation>请先对比 2 到 {most} 个样品。</translation>
    </message>
    <message>
      <source>Export this comparison</source>
      <translation>导出此对比</translation>
    </message>
    <message>
      <source>Exported {count} samples to {path}</source>
      <translation>已将 {count} 个样品导出到 {path}</translation>
    </message>
    <message>
      <source>Exported the comparison of {count} samples to {file}.</source>
      <translation>已将 {count} 个样品的对比导出到 {file}。</translation>
    </message>
  </context>
  <context>
    <name>SamplesTabView</name>
    <message>
      <source>New &amp;product…</source>
      <translation>新建产品(&amp;P)…</translation>
    </message>
    <message>
      <source>Delete product…</source>
      <translation>删除产品…</translation>
    </message>
    <message>
      <source>New &amp;sample</source>
      <translation>新建样品(&amp;S)</translation>
    </message>
    <message>
      <source>Delete sample…</source>
      <translation>删除样品…</translation>
    </message>
    <message>
      <source>&amp;Compare selected</source>
      <translation>对比所选(&amp;C)</translation>
    </message>
    <message>
      <source>Select 2 to 5 samples (Ctrl or Shift click), then compare</source>
      <translation>选择 2 到 5 个样品（按住 Ctrl 或 Shift 点击），然后对比</translation>
    </message>
    <message>
      <source>Filter products (Ctrl+F)</source>
      <translation>筛选产品 (Ctrl+F)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Products&lt;/b&gt;</source>
      <translation>&lt;b&gt;产品&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Samples&lt;/b&gt;</source>
      <translation>&lt;b&gt;样品&lt;/b&gt;</translation>
    </message>
    <message>
      <source>All angles</source>
      <translation>所有角度</translation>
    </message>
    <message>
      <source>&amp;Import photos…</source>
      <translation>导入照片(&amp;I)…</translation>
    </message>
    <message>
      <source>Or drop files and folders here, or paste (Ctrl+V)</source>
      <translation>也可将文件和文件夹拖到这里，或粘贴 (Ctrl+V)</translation>
    </message>
    <message>
      <source>caption of the selected photo</source>
      <translation>所选照片的说明</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Photos (your own: listing photos are often renders)</source>
      <translation>照片（请用自己拍的实拍图：商品页图片常是效果图）</translation>
    </message>
    <message>
      <source>Sa&amp;mple</source>
      <translation>样品(&amp;M)</translation>
    </message>
    <message>
      <source>P&amp;roduct spec</source>
      <translation>产品规格(&amp;R)</translation>
    </message>
    <message>
      <source>Com&amp;pare</source>
      <translation>样品对比(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Delete sample…</source>
      <translation>删除样品(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Compare selected samples</source>
      <translation>对比所选样品(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Find product</source>
      <translation>查找产品(&amp;F)</translation>
    </message>
    <message>
      <source>No samples yet</source>
      <translation>还没有样品</translation>
    </message>
    <message>
      <source>Compare the samples several suppliers sent for one product side by side: your own photos of every angle, the measurements against the product's spec, the scores, defects and verdict, and the golden sample you approve.&lt;br&gt;&lt;br&gt;Start with the product the samples are for (New product…); then add each supplier's sample to it (New sample).</source>
      <translation>把多家供应商为同一产品寄来的样品并排对比：您自己拍的各角度照片、对照产品规格的尺寸、评分、瑕疵和结论，以及您认可的封样。&lt;br&gt;&lt;br&gt;先新建样品所属的产品（新建产品…），再为它添加每家供应商的样品（新建样品）。</translation>
    </message>
  </context>
  <context>
    <name>SavedViewsButton</name>
    <message>
      <source>Saved views</source>
      <translation>已存视图</translation>
    </message>
    <message>
      <source>Views</source>
      <translation>视图</translation>
    </message>
    <message>
      <source>No saved views yet</source>
      <translation>还没有保存的视图</translation>
    </message>
    <message>
      <source>&amp;Save current view…</source>
      <translation>保存当前视图(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Delete view…</source>
      <translation>删除视图(&amp;D)…</translation>
    </message>
    <message>
      <source>Save view</source>
      <translation>保存视图</translation>
    </message>
    <message>
      <source>Name for the current filters, sort and columns:</source>
      <translation>为当前的筛选、排序和列命名：</translation>
    </message>
    <message>
      <source>A view named “{name}” exists. Replace it?</source>
      <translation>已有名为“{name}”的视图。要替换它吗？</translation>
    </message>
    <message>
      <source>Delete view</source>
      <translation>删除视图</translation>
    </message>
    <message>
      <source>Saved view to delete:</source>
      <translation>要删除的视图：</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>A new language shows after the app restarts.</source>
      <translation>新的界面语言在重新启动程序后生效。</translation>
    </message>
    <message>
      <source>Back up the open database on the first open each day</source>
      <translation>每天首次打开时备份当前数据库</translation>
    </message>
    <message>
      <source>Empty: the backups folder in the data folder</source>
      <translation>留空：使用数据文件夹中的 backups 文件夹</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>选择(&amp;H)…</translation>
    </message>
    <message>
      <source>VAT-registered (import VAT is reclaimed)</source>
      <translation>已登记增值税（进口增值税可抵扣）</translation>
    </message>
    <message>
      <source>— none —</source>
      <translation>— 无 —</translation>
    </message>
    <message>
      <source>A new parcel on the Consolidation tab starts at this agent's warehouse</source>
      <translation>集运页新建的包裹默认在此代理的仓库</translation>
    </message>
    <message>
      <source>This computer</source>
      <translation>本机</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Paper</source>
      <translation>纸张(&amp;P)</translation>
    </message>
    <message>
      <source>Keep daily backups</source>
      <translation>保留每日备份</translation>
    </message>
    <message>
      <source>Then one a week for (weeks)</source>
      <translation>之后每周保留一份（周数）</translation>
    </message>
    <message>
      <source>Backup &amp;folder</source>
      <translation>备份文件夹(&amp;F)</translation>
    </message>
    <message>
      <source>This database</source>
      <translation>此数据库</translation>
    </message>
    <message>
      <source>&amp;Home currency</source>
      <translation>本币(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Destination</source>
      <translation>目的地(&amp;D)</translation>
    </message>
    <message>
      <source>Default &amp;agent</source>
      <translation>默认代理(&amp;A)</translation>
    </message>
    <message>
      <source>Exchange rates, fees and duty: Negotiation ▸ Landed cost.</source>
      <translation>汇率、费用与关税：谈判 ▸ 到岸成本。</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Enter the whole path of the backup folder (or leave it empty).</source>
      <translation>请输入备份文件夹的完整路径（或留空）。</translation>
    </message>
    <message>
      <source>{path} is a file, not a folder.</source>
      <translation>{path} 是文件，不是文件夹。</translation>
    </message>
    <message>
      <source>Cannot make the backup folder {path}: {reason}.</source>
      <translation>无法创建备份文件夹 {path}：{reason}。</translation>
    </message>
  </context>
  <context>
    <name>ShipmentDialog</name>
    <message>
      <source>Create shipment / 创建发货</source>
      <translation>创建发货</translation>
    </message>
    <message>
      <source>Name / 名称</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Estimated charge / 预付运费 ({currency})</source>
      <translation>预估运费 ({currency})</translation>
    </message>
    <message>
      <source>the estimated charge</source>
      <translation>预估运费</translation>
    </message>
    <message>
      <source>⚠ Give the shipment a name and its estimated charge.</source>
      <translation>⚠ 请填写发货名称和预估运费。</translation>
    </message>
  </context>
  <context>
    <name>ShipmentsPage</name>
    <message>
      <source>The freight per unit flows into the Negotiation tab's landed cost: there a product takes its share from the latest shipment carrying it (by chargeable weight).</source>
      <translation>单件运费会计入“谈判”标签页的到岸成本：产品按计费重量分摊最近一批装有它的发货的运费。</translation>
    </message>
    <message>
      <source>pcs</source>
      <translation>件</translation>
    </message>
    <message>
      <source>{difference}{percent} {settlement_zh} {settlement}</source>
      <translation>{difference}{percent} {settlement_zh}</translation>
    </message>
    <message>
      <source>Find: name, line, agent, status… (Ctrl+F)</source>
      <translation>查找：名称、线路、代理、状态…（Ctrl+F）</translation>
    </message>
    <message>
      <source>Set &amp;status</source>
      <translation>设置状态(&amp;S)</translation>
    </message>
    <message>
      <source>after weighing, e.g. 1,286.50</source>
      <translation>称重后填写，例如 1,286.50</translation>
    </message>
    <message>
      <source>&amp;Record actual</source>
      <translation>记录实际运费(&amp;R)</translation>
    </message>
    <message>
      <source>Actual charge / 实际运费:</source>
      <translation>实际运费：</translation>
    </message>
    <message>
      <source>&lt;b&gt;Allocation / 运费分摊&lt;/b&gt; by:</source>
      <translation>&lt;b&gt;运费分摊&lt;/b&gt; 依据：</translation>
    </message>
    <message>
      <source>Name / 名称</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Line / 线路</source>
      <translation>线路</translation>
    </message>
    <message>
      <source> (deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <source>Agent / 代理</source>
      <translation>代理</translation>
    </message>
    <message>
      <source>Status / 状态</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Way / 方式</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Boxes / 箱数</source>
      <translation>箱数</translation>
    </message>
    <message>
      <source>Chargeable / 计费重量</source>
      <translation>计费重量</translation>
    </message>
    <message>
      <source>Estimate / 预付运费</source>
      <translation>预估运费</translation>
    </message>
    <message>
      <source>The agent's freight deposit</source>
      <translation>代理预收的运费</translation>
    </message>
    <message>
      <source>Actual / 实际运费</source>
      <translation>实际运费</translation>
    </message>
    <message>
      <source>After the agent weighed the boxes</source>
      <translation>代理称重后的运费</translation>
    </message>
    <message>
      <source>Difference / 差额</source>
      <translation>差额</translation>
    </message>
    <message>
      <source>actual − estimate: + the agent asks for more (补款), − it refunds (退款)</source>
      <translation>实际 − 预估：正数为代理要求补款，负数为退款</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>付款</translation>
    </message>
    <message>
      <source>Shipped</source>
      <translation>发货</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>签收</translation>
    </message>
    <message>
      <source>Parcels / 包裹</source>
      <translation>包裹</translation>
    </message>
    <message>
      <source>Order / 订单</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Item / 商品</source>
      <translation>商品</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Basis / 分摊依据</source>
      <translation>分摊依据</translation>
    </message>
    <message>
      <source>Share / 分摊运费</source>
      <translation>分摊运费</translation>
    </message>
    <message>
      <source>Largest remainder to the cent: the shares sum to the charge exactly</source>
      <translation>最大余数法分到分：各份之和正好等于运费</translation>
    </message>
    <message>
      <source>Per unit / 单件运费</source>
      <translation>单件运费</translation>
    </message>
    <message>
      <source>share ÷ quantity, 4 places shown (6 kept)</source>
      <translation>分摊运费 ÷ 数量，显示 4 位小数（保留 6 位）</translation>
    </message>
    <message>
      <source>Choose a shipment (made on the Planner page).</source>
      <translation>请选择一批发货（在“方案”页创建）。</translation>
    </message>
    <message>
      <source>box {number}: {parcels}</source>
      <translation>第 {number} 箱：{parcels}</translation>
    </message>
    <message>
      <source>Estimate vs actual per shipment, {currency}</source>
      <translation>每批发货的预估运费与实际运费，{currency}</translation>
    </message>
    <message>
      <source>Estimate vs actual per shipment</source>
      <translation>每批发货的预估运费与实际运费</translation>
    </message>
    <message>
      <source>shipment (oldest first)</source>
      <translation>发货批次（最早的在前）</translation>
    </message>
    <message>
      <source>charge</source>
      <translation>运费</translation>
    </message>
    <message>
      <source>estimate / 预付</source>
      <translation>预估</translation>
    </message>
    <message>
      <source>actual / 实际</source>
      <translation>实际</translation>
    </message>
    <message>
      <source>Record the actual charge of a shipment to compare it with its estimate.</source>
      <translation>记录一批发货的实际运费，即可与预估运费对比。</translation>
    </message>
    <message>
      <source>Shipments in several currencies: not drawn on one axis.</source>
      <translation>发货使用了多种币种：无法画在同一坐标轴上。</translation>
    </message>
    <message>
      <source>the actual charge</source>
      <translation>按实际运费</translation>
    </message>
    <message>
      <source>the estimate (no actual charge yet)</source>
      <translation>按预估运费（尚无实际运费）</translation>
    </message>
    <message>
      <source>Shared: &lt;b&gt;{charge}&lt;/b&gt;, {what}; the shares sum to {sum} exactly.</source>
      <translation>分摊：&lt;b&gt;{charge}&lt;/b&gt;，{what}；各份合计正好为 {sum}。</translation>
    </message>
    <message>
      <source>Shared: &lt;b&gt;{charge}&lt;/b&gt;, {what}; the shares sum to {sum}.</source>
      <translation>分摊：&lt;b&gt;{charge}&lt;/b&gt;，{what}；各份合计为 {sum}。</translation>
    </message>
    <message>
      <source>Parcels {ids} carry no order: their weight counts for nothing.</source>
      <translation>包裹 {ids} 没有关联订单：其重量不参与分摊。</translation>
    </message>
  </context>
  <context>
    <name>ShippingControl</name>
    <message>
      <source>&lt;b&gt;Lines / 线路&lt;/b&gt;</source>
      <translation>&lt;b&gt;线路&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Lines / 线路&lt;/b&gt; of {agent}</source>
      <translation>&lt;b&gt;{agent} 的线路&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Agent {agent} saved.</source>
      <translation>代理 {agent} 已保存。</translation>
    </message>
    <message>
      <source>Delete agent</source>
      <translation>删除代理</translation>
    </message>
    <message>
      <source>Delete {agent} with its {count} line(s)? Its parcels stay, with no agent (180 free storage days then count).</source>
      <translation>删除 {agent} 及其 {count} 条线路？其包裹会保留，但不再属于任何代理（此后按免费仓储 180 天计算）。</translation>
    </message>
    <message>
      <source>Add the agent that runs the line first (New agent).</source>
      <translation>请先添加经营该线路的代理（新建代理）。</translation>
    </message>
    <message>
      <source>Line {line} saved.</source>
      <translation>线路 {line} 已保存。</translation>
    </message>
    <message>
      <source>Delete line</source>
      <translation>删除线路</translation>
    </message>
    <message>
      <source>Delete this line? Shipments made on it keep its name and rate card.</source>
      <translation>删除这条线路？已在该线路上创建的发货会保留线路名称和运价表。</translation>
    </message>
    <message>
      <source>{count} selected parcel(s)</source>
      <translation>所选 {count} 个包裹</translation>
    </message>
    <message>
      <source>All {count} waiting parcel(s)</source>
      <translation>全部 {count} 个待发包裹</translation>
    </message>
    <message>
      <source>No waiting parcel to plan: select parcels on the Parcels page (Ctrl+L), or choose all waiting parcels.</source>
      <translation>没有待发包裹可计算方案：请在“包裹”页选择包裹 (Ctrl+L)，或选择全部待发包裹。</translation>
    </message>
    <message>
      <source>{scope}, {kg} kg actual, priced on {count} line(s).</source>
      <translation>{scope}，实重 {kg} kg，已按 {count} 条线路报价。</translation>
    </message>
    <message>
      <source>  ⚠ Parcels or lines changed since: press Plan again.</source>
      <translation>  ⚠ 包裹或线路已有变动：请重新点击“计算”。</translation>
    </message>
    <message>
      <source>Choose a line that takes the parcels, and a way it accepts.</source>
      <translation>请选择一条能承运这些包裹的线路，以及它接受的方式。</translation>
    </message>
    <message>
      <source>{line} ({agent}), {way}: {boxes} box(es), {cost}</source>
      <translation>{line}（{agent}），{way}：{boxes} 箱，{cost}</translation>
    </message>
    <message>
      <source>Shipment {name} created: its parcels left the waiting list.</source>
      <translation>发货 {name} 已创建：其包裹已移出待发列表。</translation>
    </message>
    <message>
      <source>Shipment {name} created ({estimate} estimated).</source>
      <translation>发货 {name} 已创建（预估运费 {estimate}）。</translation>
    </message>
    <message>
      <source>the actual charge</source>
      <translation>实际运费</translation>
    </message>
    <message>
      <source>{shipment}: actual charge {amount} recorded.</source>
      <translation>{shipment}：已记录实际运费 {amount}。</translation>
    </message>
    <message>
      <source>Delete shipment</source>
      <translation>删除发货</translation>
    </message>
    <message>
      <source>Delete the shipment {name}? Its {count} parcel(s) go back to waiting.</source>
      <translation>删除发货 {name}？其中 {count} 个包裹将恢复为待发。</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>{tab} tab</source>
      <translation>“{tab}”标签页</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Type to find an action or a key (e.g. export, Ctrl+E)</source>
      <translation>输入以查找操作或按键（例如 导出、Ctrl+E）</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsModel</name>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>位置</translation>
    </message>
  </context>
  <context>
    <name>SupplierEditor</name>
    <message>
      <source>enter a rate from 0 to 100 %, e.g. 45.5</source>
      <translation>请输入 0 到 100 % 之间的比率，例如 45.5</translation>
    </message>
    <message>
      <source>enter a score from 0 to 5, e.g. 4.6</source>
      <translation>请输入 0 到 5 之间的评分，例如 4.6</translation>
    </message>
    <message>
      <source>{error}: enter a year, or a year and month, e.g. 2019-03.</source>
      <translation>{error}：请输入年份，或年份和月份，例如 2019-03。</translation>
    </message>
    <message>
      <source>enter an amount, e.g. 3000</source>
      <translation>请输入金额，例如 3000</translation>
    </message>
    <message>
      <source>&lt; 1 year as a member</source>
      <translation>入驻不满 1 年</translation>
    </message>
    <message>
      <source>1 year as a member</source>
      <translation>入驻 1 年</translation>
    </message>
    <message>
      <source>{years} years as a member</source>
      <translation>入驻 {years} 年</translation>
    </message>
    <message>
      <source>→ saved as {url}</source>
      <translation>→ 保存为 {url}</translation>
    </message>
    <message>
      <source>Row {row}, {column}: {message}</source>
      <translation>第 {row} 行，{column}：{message}</translation>
    </message>
  </context>
  <context>
    <name>SupplierEditorView</name>
    <message>
      <source>year or year-month</source>
      <translation>年份或年-月</translation>
    </message>
    <message>
      <source>unknown (not checked yet)</source>
      <translation>未知（尚未核实）</translation>
    </message>
    <message>
      <source>yes: keeps a deposit (买家保障)</source>
      <translation>有：已缴纳保证金（买家保障）</translation>
    </message>
    <message>
      <source>no deposit</source>
      <translation>无保证金</translation>
    </message>
    <message>
      <source>Buyer protection (买家保障 / 交易保障): whether the supplier keeps a deposit with 1688 for buyers (typically 3,000 CNY). Leave it unknown until you have checked: an unknown input is left out of the credit rating, a no counts against it.</source>
      <translation>买家保障（交易保障）：供应商是否在1688为买家缴纳了保证金（通常为 3,000 元）。核实之前请保持“未知”：未知项不计入信用评级，“无”则会扣分。</translation>
    </message>
    <message>
      <source>Select a supplier or press Ctrl+N</source>
      <translation>请选择一个供应商，或按 Ctrl+N 新建</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Add contact</source>
      <translation>添加联系人</translation>
    </message>
    <message>
      <source>Remove contact</source>
      <translation>删除联系人</translation>
    </message>
    <message>
      <source>Certifications</source>
      <translation>资质证书</translation>
    </message>
    <message>
      <source>Add certification</source>
      <translation>添加证书</translation>
    </message>
    <message>
      <source>Remove certification</source>
      <translation>删除证书</translation>
    </message>
    <message>
      <source>Certi&amp;fications</source>
      <translation>资质证书(&amp;F)</translation>
    </message>
    <message>
      <source>Red flags</source>
      <translation>风险信号</translation>
    </message>
    <message>
      <source>Add red flag</source>
      <translation>添加风险信号</translation>
    </message>
    <message>
      <source>Remove red flag</source>
      <translation>删除风险信号</translation>
    </message>
    <message>
      <source>Red fla&amp;gs</source>
      <translation>风险信号(&amp;G)</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Save this supplier (Ctrl+S)</source>
      <translation>保存此供应商 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Undo the changes not saved yet (Esc)</source>
      <translation>撤销尚未保存的更改 (Esc)</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>基本信息</translation>
    </message>
    <message>
      <source>e.g. 义乌市恒达工艺品厂</source>
      <translation>例如 义乌市恒达工艺品厂</translation>
    </message>
    <message>
      <source>e.g. Yiwu Hengda Crafts Factory</source>
      <translation>例如 Yiwu Hengda Crafts Factory</translation>
    </message>
    <message>
      <source>&amp;Chinese name</source>
      <translation>中文名称(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;English name</source>
      <translation>英文名称(&amp;E)</translation>
    </message>
    <message>
      <source>Business t&amp;ype</source>
      <translation>经营模式(&amp;Y)</translation>
    </message>
    <message>
      <source>Stat&amp;us</source>
      <translation>状态(&amp;U)</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>所在地</translation>
    </message>
    <message>
      <source>e.g. 义乌</source>
      <translation>例如 义乌</translation>
    </message>
    <message>
      <source>Street, district</source>
      <translation>街道、区县</translation>
    </message>
    <message>
      <source>&amp;Province</source>
      <translation>省份(&amp;P)</translation>
    </message>
    <message>
      <source>Ci&amp;ty</source>
      <translation>城市(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Address</source>
      <translation>地址(&amp;A)</translation>
    </message>
    <message>
      <source>1688 shop</source>
      <translation>1688 店铺</translation>
    </message>
    <message>
      <source>e.g. shop123.1688.com</source>
      <translation>例如 shop123.1688.com</translation>
    </message>
    <message>
      <source>e.g. 2019-03</source>
      <translation>例如 2019-03</translation>
    </message>
    <message>
      <source>The month the supplier joined 1688 (入驻时间), e.g. 2019-03; a year alone counts from its December. Years of membership are counted from it.</source>
      <translation>供应商入驻1688的月份（入驻时间），例如 2019-03；只填年份时按该年12月计。诚信通年限由此计算。</translation>
    </message>
    <message>
      <source>amount</source>
      <translation>金额</translation>
    </message>
    <message>
      <source>Deposit currency</source>
      <translation>保证金币种</translation>
    </message>
    <message>
      <source>Shop UR&amp;L</source>
      <translation>店铺网址(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Membership</source>
      <translation>会员等级(&amp;M)</translation>
    </message>
    <message>
      <source>Member s&amp;ince</source>
      <translation>入驻时间(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Buyer protection</source>
      <translation>买家保障(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Deposit</source>
      <translation>保证金(&amp;D)</translation>
    </message>
    <message>
      <source>Performance on 1688</source>
      <translation>1688 店铺表现</translation>
    </message>
    <message>
      <source>The figures on the supplier's 1688 page; leave empty when unknown</source>
      <translation>供应商1688页面上显示的数据；未知时留空</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>of 5</source>
      <translation>/ 5 分</translation>
    </message>
    <message>
      <source>&amp;Reorder 回头率</source>
      <translation>回头率(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;On time 按时发货率</source>
      <translation>按时发货率(&amp;O)</translation>
    </message>
    <message>
      <source>Respo&amp;nse 响应率</source>
      <translation>响应率(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Quality 质量</source>
      <translation>质量评分(&amp;Q)</translation>
    </message>
    <message>
      <source>Ser&amp;vice 服务</source>
      <translation>服务评分(&amp;V)</translation>
    </message>
    <message>
      <source>Product categories</source>
      <translation>主营类目</translation>
    </message>
    <message>
      <source>e.g. 工艺品; home decor</source>
      <translation>例如 工艺品; 家居装饰</translation>
    </message>
    <message>
      <source>Separate tags with ;</source>
      <translation>标签之间用 ; 分隔</translation>
    </message>
    <message>
      <source>Tag&amp;s</source>
      <translation>标签(&amp;S)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Anything worth remembering about this supplier</source>
      <translation>关于此供应商值得记下的任何信息</translation>
    </message>
  </context>
  <context>
    <name>SupplierPicker</name>
    <message>
      <source>type a name, pinyin (yiwu) or initials (ywhd)</source>
      <translation>输入名称、拼音 (yiwu) 或首字母 (ywhd)</translation>
    </message>
    <message>
      <source>Type any part of the Chinese or English name, its pinyin or initials</source>
      <translation>输入中文或英文名称的任意部分、拼音或首字母</translation>
    </message>
  </context>
  <context>
    <name>SupplierTableModel</name>
    <message>
      <source>Chinese name</source>
      <translation>中文名称</translation>
    </message>
    <message>
      <source>English name</source>
      <translation>英文名称</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>经营模式</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>1688 membership</source>
      <translation>1688 会员等级</translation>
    </message>
    <message>
      <source>Member since</source>
      <translation>入驻时间</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Reorder</source>
      <translation>回头率</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时发货率</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>响应率</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>保证金</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Red flags</source>
      <translation>风险信号</translation>
    </message>
    <message>
      <source>Next cert. expiry</source>
      <translation>最近证书到期</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>更新日期</translation>
    </message>
    <message>
      <source>A certification needs renewing: {state}. Ask the supplier for it.</source>
      <translation>有证书需要更新：{state}。请向供应商索取。</translation>
    </message>
  </context>
  <context>
    <name>SuppliersTab</name>
    <message>
      <source>Loading suppliers…</source>
      <translation>正在加载供应商…</translation>
    </message>
    <message>
      <source>{count} suppliers loaded</source>
      <translation>已加载 {count} 家供应商</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>更改未保存</translation>
    </message>
    <message>
      <source>This supplier has unsaved changes. Save them?</source>
      <translation>此供应商有未保存的更改。要保存吗？</translation>
    </message>
    <message>
      <source>New supplier: fill in a name and press Save (Ctrl+S)</source>
      <translation>新供应商：填写名称，然后点“保存”(Ctrl+S)</translation>
    </message>
    <message>
      <source>Not saved: fix the fields marked in red</source>
      <translation>未保存：请修正标红的字段</translation>
    </message>
    <message>
      <source>Saved {name}</source>
      <translation>已保存 {name}</translation>
    </message>
    <message>
      <source>Possible duplicate</source>
      <translation>可能重复</translation>
    </message>
    <message>
      <source>This supplier looks like one you already have:

{suppliers}

Save it anyway?</source>
      <translation>此供应商与已有的供应商相似：

{suppliers}

仍要保存吗？</translation>
    </message>
    <message>
      <source>Duplicated: edit the copy and save</source>
      <translation>已复制：请编辑副本并保存</translation>
    </message>
    <message>
      <source>Nothing changed: the suppliers already had those values</source>
      <translation>没有更改：这些供应商已是所选的值</translation>
    </message>
    <message>
      <source>Edited {count} supplier(s). Undo with Ctrl+Z</source>
      <translation>已编辑 {count} 家供应商。按 Ctrl+Z 撤销</translation>
    </message>
    <message>
      <source>Delete suppliers</source>
      <translation>删除供应商</translation>
    </message>
    <message>
      <source>Deleted {count} supplier(s). Undo with Ctrl+Z</source>
      <translation>已删除 {count} 家供应商。按 Ctrl+Z 撤销</translation>
    </message>
    <message>
      <source>&amp;Undo delete</source>
      <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
      <source>Restored {count} supplier(s)</source>
      <translation>已恢复 {count} 家供应商</translation>
    </message>
    <message>
      <source>&amp;Undo bulk edit</source>
      <translation>撤销批量编辑(&amp;U)</translation>
    </message>
    <message>
      <source>Bulk edit undone on {count} supplier(s)</source>
      <translation>已撤销对 {count} 家供应商的批量编辑</translation>
    </message>
    <message>
      <source>Reset columns</source>
      <translation>重置列</translation>
    </message>
  </context>
  <context>
    <name>SuppliersTabView</name>
    <message>
      <source>&amp;New supplier</source>
      <translation>新建供应商(&amp;N)</translation>
    </message>
    <message>
      <source>D&amp;uplicate supplier</source>
      <translation>复制供应商(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Delete supplier…</source>
      <translation>删除供应商(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Undo delete</source>
      <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Find supplier</source>
      <translation>查找供应商(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Audits…</source>
      <translation>验厂记录(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Edit selected suppliers…</source>
      <translation>编辑所选供应商(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import suppliers…</source>
      <translation>导入供应商(&amp;I)…</translation>
    </message>
    <message>
      <source>Read suppliers from an Excel or CSV file (File ▸ Import suppliers, Ctrl+I)</source>
      <translation>从 Excel 或 CSV 文件读入供应商（文件 ▸ 导入供应商，Ctrl+I）</translation>
    </message>
    <message>
      <source>Load &amp;demo data…</source>
      <translation>载入演示数据(&amp;D)…</translation>
    </message>
    <message>
      <source>Try the workbench on a new file filled with example suppliers, samples, quotes and orders (Help ▸ Load demo data); this file stays as it is</source>
      <translation>在一个装有示例供应商、样品、报价和订单的新文件中试用本工具（帮助 ▸ 载入演示数据）；当前文件保持不变</translation>
    </message>
    <message>
      <source>No suppliers yet</source>
      <translation>还没有供应商</translation>
    </message>
    <message>
      <source>This tab is your list of 1688 suppliers: factories and trading companies with their shop, membership, contacts, certifications and red flags. The other tabs (samples, negotiation, orders) all start from a supplier here.&lt;br&gt;&lt;br&gt;Add your first supplier, import a list you already keep in Excel, or look around in the demo data first.</source>
      <translation>此标签页是你的 1688 供应商名录：生产厂家和贸易公司，以及它们的店铺、会员等级、联系人、资质证书和风险信号。其他标签页（样品、谈判、订单）都从这里的供应商开始。&lt;br&gt;&lt;br&gt;添加第一家供应商，导入你已在 Excel 中整理的名单，或先在演示数据中看看。</translation>
    </message>
  </context>
  <context>
    <name>Tabs</name>
    <message>
      <source>Suppliers</source>
      <translation>供应商</translation>
    </message>
    <message>
      <source>Capacity &amp;&amp; Credit</source>
      <translation>产能与信用</translation>
    </message>
    <message>
      <source>Samples</source>
      <translation>样品对比</translation>
    </message>
    <message>
      <source>Negotiation</source>
      <translation>谈判</translation>
    </message>
    <message>
      <source>Consolidation</source>
      <translation>集运</translation>
    </message>
  </context>
  <context>
    <name>Targets</name>
    <message>
      <source>Target</source>
      <translation>目标价</translation>
    </message>
    <message>
      <source>Acceptable</source>
      <translation>可接受价</translation>
    </message>
    <message>
      <source>Walk-away</source>
      <translation>底价</translation>
    </message>
  </context>
  <context>
    <name>TemplateModel</name>
    <message>
      <source>Section</source>
      <translation>类别（英文）</translation>
    </message>
    <message>
      <source>Section (中文)</source>
      <translation>类别（中文）</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>检查项（英文）</translation>
    </message>
    <message>
      <source>Item (中文)</source>
      <translation>检查项（中文）</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>回答方式</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>关键项</translation>
    </message>
    <message>
      <source>pass/fail</source>
      <translation>合格/不合格</translation>
    </message>
    <message>
      <source>number</source>
      <translation>数字</translation>
    </message>
    <message>
      <source>text</source>
      <translation>文字</translation>
    </message>
    <message>
      <source>Feeds the matrix: {dimension} seen at audit.</source>
      <translation>计入矩阵：验厂时实地看到的 {dimension}。</translation>
    </message>
  </context>
  <context>
    <name>TemplatesDialog</name>
    <message>
      <source>Checklist templates</source>
      <translation>检查表模板</translation>
    </message>
    <message>
      <source>&amp;Copy…</source>
      <translation>复制(&amp;C)…</translation>
    </message>
    <message>
      <source>A new template from the selected one, to edit</source>
      <translation>以所选模板为基础新建一个可编辑的模板</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <source>e.g. 灯饰 lighting; empty = any</source>
      <translation>例如 灯饰；留空 = 任何类目</translation>
    </message>
    <message>
      <source>The built-in template cannot be changed: copy it first.</source>
      <translation>内置模板不能修改：请先复制一份。</translation>
    </message>
    <message>
      <source>&amp;Add item</source>
      <translation>添加检查项(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Remove item</source>
      <translation>删除检查项(&amp;R)</translation>
    </message>
    <message>
      <source>Move &amp;up</source>
      <translation>上移(&amp;U)</translation>
    </message>
    <message>
      <source>Move do&amp;wn</source>
      <translation>下移(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Save template</source>
      <translation>保存模板(&amp;S)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类目</translation>
    </message>
    <message>
      <source>{template} — built in</source>
      <translation>{template} — 内置</translation>
    </message>
    <message>
      <source>Copy template</source>
      <translation>复制模板</translation>
    </message>
    <message>
      <source>Name of the new template:</source>
      <translation>新模板的名称：</translation>
    </message>
    <message>
      <source>{template} (copy)</source>
      <translation>{template}（副本）</translation>
    </message>
    <message>
      <source>Delete template</source>
      <translation>删除模板</translation>
    </message>
    <message>
      <source>Delete the template {template}? Audits started from it keep their copy.</source>
      <translation>删除模板 {template}？由它开始的验厂会保留各自的副本。</translation>
    </message>
    <message>
      <source>Saved. New audits from this template use it; old audits keep theirs.</source>
      <translation>已保存。之后用此模板新建的验厂将使用它；已有的验厂保留原来的模板。</translation>
    </message>
    <message>
      <source>Unsaved template</source>
      <translation>模板未保存</translation>
    </message>
    <message>
      <source>Save the changes to this template first?</source>
      <translation>先保存对此模板的更改吗？</translation>
    </message>
  </context>
  <context>
    <name>TrendChart</name>
    <message>
      <source>No evaluations yet for {supplier}</source>
      <translation>{supplier} 尚无评估</translation>
    </message>
    <message>
      <source>{line} (unknown)</source>
      <translation>{line}（未知）</translation>
    </message>
  </context>
  <context>
    <name>WeightsPanel</name>
    <message>
      <source>&amp;Quality</source>
      <translation>质量(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Delivery</source>
      <translation>交付(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Service</source>
      <translation>服务(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Cost</source>
      <translation>成本(&amp;C)</translation>
    </message>
    <message>
      <source>Weights (always 100 %)</source>
      <translation>权重（合计始终 100 %）</translation>
    </message>
    <message>
      <source>{criterion} covers {covers}.</source>
      <translation>{criterion}包括{covers}。</translation>
    </message>
    <message>
      <source>A level needs scores for criteria carrying at least this share of the weight (exactly this share is enough); with less the level is 'incomplete', unranked.</source>
      <translation>已评分项目所占权重至少达到此比例（恰好等于即可）才给出等级；低于此比例时等级为“不完整”，不参与排名。</translation>
    </message>
    <message>
      <source>Level needs &amp;scored</source>
      <translation>评级所需已评权重(&amp;S)</translation>
    </message>
    <message>
      <source>Levels (minimum weighted score)</source>
      <translation>等级（最低加权得分）</translation>
    </message>
    <message>
      <source>Lowest weighted score that is level {level}</source>
      <translation>达到 {level} 级的最低加权得分</translation>
    </message>
    <message>
      <source>Restore &amp;defaults</source>
      <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
      <source>Quality 40, Delivery 30, Service 20, Cost 10; 50 % scored for a level; A 90, B 75, C 60</source>
      <translation>质量 40、交付 30、服务 20、成本 10；评级需 50 % 已评分；A 90、B 75、C 60</translation>
    </message>
    <message>
      <source>Total {total} %</source>
      <translation>合计 {total} %</translation>
    </message>
    <message>
      <source>⚠ Thresholds must rise from C to A (C &lt; B &lt; A); not applied.</source>
      <translation>⚠ 分数线必须从 C 到 A 递增（C &lt; B &lt; A）；未应用。</translation>
    </message>
  </context>
  <context>
    <name>WorksheetPage</name>
    <message>
      <source>Choose a quote to negotiate with its supplier</source>
      <translation>选择一个报价，与其供应商谈判</translation>
    </message>
    <message>
      <source>&amp;Target price 目标价</source>
      <translation>目标价(&amp;T)</translation>
    </message>
    <message>
      <source>Acc&amp;eptable price</source>
      <translation>可接受价(&amp;E)</translation>
    </message>
    <message>
      <source>Wal&amp;k-away price 底价</source>
      <translation>底价(&amp;K)</translation>
    </message>
    <message>
      <source>Material %</source>
      <translation>原材料 %</translation>
    </message>
    <message>
      <source>La&amp;bour %</source>
      <translation>人工 %(&amp;B)</translation>
    </message>
    <message>
      <source>Overhead %</source>
      <translation>制造费用 %</translation>
    </message>
    <message>
      <source>Pro&amp;fit %</source>
      <translation>利润 %(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Date</source>
      <translation>日期(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Our offer</source>
      <translation>我方出价(&amp;O)</translation>
    </message>
    <message>
      <source>Their &amp;counter</source>
      <translation>对方还价(&amp;C)</translation>
    </message>
    <message>
      <source>Conce&amp;ssion</source>
      <translation>让步(&amp;S)</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Save worksheet (Ctrl+S)</source>
      <translation>保存谈判表 (Ctrl+S)</translation>
    </message>
    <message>
      <source>Targets</source>
      <translation>目标价格</translation>
    </message>
    <message>
      <source>e.g. 2.50</source>
      <translation>如 2.50</translation>
    </message>
    <message>
      <source>Quoted price 报价</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>what you know of this supplier's position</source>
      <translation>您对该供应商底线的了解</translation>
    </message>
    <message>
      <source>Cost structure of the quoted price (an estimate)</source>
      <translation>报价的成本结构（估算）</translation>
    </message>
    <message>
      <source>{part}: typically {low}-{high} %</source>
      <translation>{part}：通常 {low}-{high} %</translation>
    </message>
    <message>
      <source>Rounds of offers</source>
      <translation>谈判轮次</translation>
    </message>
    <message>
      <source>our offer</source>
      <translation>我方出价</translation>
    </message>
    <message>
      <source>empty: none yet</source>
      <translation>留空：尚未还价</translation>
    </message>
    <message>
      <source>volume, payment…</source>
      <translation>订量、付款方式…</translation>
    </message>
    <message>
      <source>Add &amp;round</source>
      <translation>添加轮次(&amp;R)</translation>
    </message>
    <message>
      <source>Delete selected round</source>
      <translation>删除所选轮次</translation>
    </message>
    <message>
      <source>no price</source>
      <translation>无价格</translation>
    </message>
    <message>
      <source>&lt;b&gt;{supplier}&lt;/b&gt; · quoted {price}</source>
      <translation>&lt;b&gt;{supplier}&lt;/b&gt; · 报价 {price}</translation>
    </message>
    <message>
      <source>a price</source>
      <translation>价格</translation>
    </message>
    <message>
      <source>the {part} share (%)</source>
      <translation>{part}占比 (%)</translation>
    </message>
    <message>
      <source>Enter the {part} share (%).</source>
      <translation>请输入{part}占比 (%)。</translation>
    </message>
    <message>
      <source>No quoted price to split.</source>
      <translation>没有可拆分的报价。</translation>
    </message>
    <message>
      <source>their counter</source>
      <translation>对方还价</translation>
    </message>
    <message>
      <source>Enter our offer.</source>
      <translation>请输入我方出价。</translation>
    </message>
    <message>
      <source>the {target} price</source>
      <translation>{target}</translation>
    </message>
    <message>
      <source>Enter this price too, or clear all three.</source>
      <translation>请同时输入此价格，或把三个都清空。</translation>
    </message>
  </context>
  <context>
    <name>XYChart</name>
    <message>
      <source>Nothing to chart yet</source>
      <translation>暂无可绘制的数据</translation>
    </message>
  </context>
  <context>
    <name>background</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>已取消；未写入任何内容。</translation>
    </message>
  </context>
  <context>
    <name>charts</name>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
  </context>
  <context>
    <name>domain.consolidation</name>
    <message>
      <source>parcel '{label}'</source>
      <translation>包裹“{label}”</translation>
    </message>
    <message>
      <source>parcel #{id}</source>
      <translation>包裹 #{id}</translation>
    </message>
    <message>
      <source>Parcel '{label}'</source>
      <translation>包裹“{label}”</translation>
    </message>
    <message>
      <source>Parcel #{id}</source>
      <translation>包裹 #{id}</translation>
    </message>
    <message>
      <source>Free storage ended {days} days ago: storage fees are running.</source>
      <translation>免费仓储已于 {days} 天前结束：正在产生仓储费。</translation>
    </message>
    <message>
      <source>Free storage ends in {days} days: ship soon.</source>
      <translation>免费仓储 {days} 天后结束：请尽快发货。</translation>
    </message>
    <message>
      <source>{days} days of free storage left.</source>
      <translation>免费仓储还剩 {days} 天。</translation>
    </message>
    <message>
      <source>{parcel} has no declared value: enter one to insure the shipment</source>
      <translation>{parcel}没有申报价值：填写后才能为这批货投保</translation>
    </message>
    <message>
      <source>{parcel}'s declared value is in {value_currency} but the agent insures in {agent_currency}</source>
      <translation>{parcel}的申报价值以 {value_currency} 计，但代理按 {agent_currency} 投保</translation>
    </message>
    <message>
      <source>Lines priced in {currencies}: not compared without an exchange rate.</source>
      <translation>线路分别以 {currencies} 计价：没有汇率，不作比较。</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>实重</translation>
    </message>
    <message>
      <source>Longest side</source>
      <translation>最长边</translation>
    </message>
    <message>
      <source>Length + girth</source>
      <translation>长度 + 围长</translation>
    </message>
    <message>
      <source>Sum of sides</source>
      <translation>三边和</translation>
    </message>
    <message>
      <source>Chargeable weight</source>
      <translation>计费重量</translation>
    </message>
    <message>
      <source>{limit} {value} {unit} is over this line's {maximum} {unit}</source>
      <translation>{limit} {value} {unit}，超过此线路的上限 {maximum} {unit}</translation>
    </message>
    <message>
      <source>{tags} not accepted on this line</source>
      <translation>此线路不收{tags}</translation>
    </message>
    <message>
      <source>{parcel}: {reason}</source>
      <translation>{parcel}：{reason}</translation>
    </message>
    <message>
      <source>The box of {parcels}: {reason}</source>
      <translation>{parcels}合成的一箱：{reason}</translation>
    </message>
    <message>
      <source>Priced in {line_currency} but the agent's fees are in {agent_currency}: enter both in one currency</source>
      <translation>线路以 {line_currency} 计价，但代理费用以 {agent_currency} 计：请用同一币种填写</translation>
    </message>
  </context>
  <context>
    <name>domain.kit</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source> and </source>
      <translation>、</translation>
    </message>
    <message>
      <source> </source>
      <translation> </translation>
    </message>
    <message>
      <source>a float (inexact)</source>
      <translation>浮点数（不精确）</translation>
    </message>
    <message>
      <source>{label} must be an exact number, not {kind}.</source>
      <translation>{label}：必须是精确的数字，不能是{kind}。</translation>
    </message>
    <message>
      <source>{label} must be a finite number, not {value}.</source>
      <translation>{label}：必须是有限的数字，不能是 {value}。</translation>
    </message>
    <message>
      <source>{label} has too many digits.</source>
      <translation>{label}：位数太多。</translation>
    </message>
    <message>
      <source>{label} must be {minimum} or more, not {value}.</source>
      <translation>{label}：不能低于 {minimum}，现为 {value}。</translation>
    </message>
    <message>
      <source>{label} must be {maximum} or less, not {value}.</source>
      <translation>{label}：不能超过 {maximum}，现为 {value}。</translation>
    </message>
  </context>
  <context>
    <name>domain.matrix</name>
    <message>
      <source>{name}: {value} -&gt; {points}/{possible} ({reason})</source>
      <translation>{name}：{value} -&gt; {points}/{possible}（{reason}）</translation>
    </message>
    <message>
      <source>Suggested rating {rating}: {meaning}.</source>
      <translation>建议评级 {rating}：{meaning}。</translation>
    </message>
    <message>
      <source>Points {earned} of {possible} ({percent} %).</source>
      <translation>得分 {earned}/{possible}（{percent} %）。</translation>
    </message>
    <message>
      <source>Only {known} of {count} inputs known; at least {needed} are needed for a suggestion.</source>
      <translation>{count} 项输入只知道 {known} 项；至少需要 {needed} 项才能给出建议。</translation>
    </message>
    <message>
      <source>Cap: {cap}</source>
      <translation>上限：{cap}</translation>
    </message>
    <message>
      <source>Not known, left out: {names}.</source>
      <translation>未知，不计入：{names}。</translation>
    </message>
    <message>
      <source>no 1688 membership is disqualifying: C.</source>
      <translation>没有 1688 会员，直接不合格：C。</translation>
    </message>
    <message>
      <source>membership under 1 year is disqualifying: C.</source>
      <translation>会员不满 1 年，直接不合格：C。</translation>
    </message>
    <message>
      <source>red flag '{flag}' is disqualifying: C.</source>
      <translation>风险信号“{flag}”，直接不合格：C。</translation>
    </message>
    <message>
      <source>{count} open red flag(s) on record: at most B.</source>
      <translation>有 {count} 个未解决的风险信号：最高 B。</translation>
    </message>
    <message>
      <source>Trading-volume trend</source>
      <translation>交易量趋势</translation>
    </message>
    <message>
      <source>Review score</source>
      <translation>买家评分</translation>
    </message>
    <message>
      <source>Disputes</source>
      <translation>纠纷</translation>
    </message>
    <message>
      <source>Repeat-purchase rate</source>
      <translation>回头率</translation>
    </message>
    <message>
      <source>Years of membership</source>
      <translation>会员年限</translation>
    </message>
    <message>
      <source>Buyer protection</source>
      <translation>买家保障</translation>
    </message>
    <message>
      <source>Membership level</source>
      <translation>会员等级</translation>
    </message>
    <message>
      <source>rising 2, stable 1, falling 0</source>
      <translation>上升 2，平稳 1，下降 0</translation>
    </message>
    <message>
      <source>{score} of 5</source>
      <translation>{score} 分（满分 5）</translation>
    </message>
    <message>
      <source>4.5 or more 2, 4.0-4.49 1, under 4.0 0</source>
      <translation>4.5 及以上 2，4.0-4.49 1，4.0 以下 0</translation>
    </message>
    <message>
      <source>{count} in 12 months</source>
      <translation>近 12 个月 {count} 起</translation>
    </message>
    <message>
      <source>none 2, 1-2 1, 3 or more 0</source>
      <translation>无 2，1-2 起 1，3 起及以上 0</translation>
    </message>
    <message>
      <source>30 % or more 2, 15-29.9 % 1, under 15 % 0</source>
      <translation>30 % 及以上 2，15-29.9 % 1，15 % 以下 0</translation>
    </message>
    <message>
      <source>&lt; 1 year</source>
      <translation>不满 1 年</translation>
    </message>
    <message>
      <source>1 year</source>
      <translation>1 年</translation>
    </message>
    <message>
      <source>{years} years</source>
      <translation>{years} 年</translation>
    </message>
    <message>
      <source>3 or more 2, 1-2 1, under 1 0</source>
      <translation>3 年及以上 2，1-2 年 1，不满 1 年 0</translation>
    </message>
    <message>
      <source>yes, deposit kept</source>
      <translation>有，已缴保证金</translation>
    </message>
    <message>
      <source>no</source>
      <translation>无</translation>
    </message>
    <message>
      <source>yes 2, no 0</source>
      <translation>有 2，无 0</translation>
    </message>
    <message>
      <source>source factory 3, strong merchant 2, basic 1, none 0</source>
      <translation>源头工厂 3，实力商家 2，诚信通 1，无 0</translation>
    </message>
    <message>
      <source>Manual rating {rating} (reason: {reason}); the rule suggests {suggested}.</source>
      <translation>手动评级 {rating}（理由：{reason}）；规则建议 {suggested}。</translation>
    </message>
  </context>
  <context>
    <name>domain.negotiation</name>
    <message>
      <source>Ordering {to_qty} instead of {from_qty} costs {saving} less; from {buy_up_from} pieces up, ordering {to_qty} costs no more.</source>
      <translation>订 {to_qty} 件比订 {from_qty} 件还少花 {saving}；只要需要 {buy_up_from} 件以上，直接订 {to_qty} 件都不会多花钱。</translation>
    </message>
    <message>
      <source>Ordering {to_qty} instead of {from_qty} costs {saving} less.</source>
      <translation>订 {to_qty} 件比订 {from_qty} 件还少花 {saving}。</translation>
    </message>
    <message>
      <source>No exchange rate for {currency}: enter 1 {home} = x {currency}.</source>
      <translation>没有 {currency} 的汇率：请填写 1 {home} = x {currency}。</translation>
    </message>
    <message>
      <source>No exchange rate for {currency} on or before {date}: enter 1 {home} = x {currency}.</source>
      <translation>{date}（含）之前没有 {currency} 的汇率：请填写 1 {home} = x {currency}。</translation>
    </message>
    <message>
      <source>The domestic shipping of this quote is unknown: enter it, or tick 'shipping included'.</source>
      <translation>这份报价的国内运费未知：请填写，或勾选“包邮”。</translation>
    </message>
    <message>
      <source> or </source>
      <translation> 或 </translation>
    </message>
    <message>
      <source>Below the MOQ of {moq} pieces: order at least {least}.</source>
      <translation>低于起订量 {moq} 件：至少订 {least} 件。</translation>
    </message>
    <message>
      <source>Below the MOQ of {moq} pieces ({quantity} rounds up to {ordered}, a multiple of {multiple}): order at least {least}.</source>
      <translation>低于起订量 {moq} 件（{quantity} 件按 {multiple} 的倍数向上取整为 {ordered} 件）：至少订 {least} 件。</translation>
    </message>
    <message>
      <source>Below the shop's minimum order of {minimum}: this order is {amount} and {pieces}.</source>
      <translation>未达店铺起批量 {minimum}：此单为 {amount}、{pieces}。</translation>
    </message>
    <message>
      <source>{count} pieces</source>
      <translation>{count} 件</translation>
    </message>
    <message>
      <source>Enter {what}.</source>
      <translation>请填写{what}。</translation>
    </message>
    <message>
      <source>{label} has more than {places} decimals for {currency}: {value}.</source>
      <translation>{label}：{currency} 最多 {places} 位小数，现为 {value}。</translation>
    </message>
    <message>
      <source>market driven</source>
      <translation>随行就市</translation>
    </message>
    <message>
      <source>efficiency</source>
      <translation>看效率</translation>
    </message>
    <message>
      <source>volume discounts</source>
      <translation>看批量折扣</translation>
    </message>
    <message>
      <source>negotiable</source>
      <translation>可以谈</translation>
    </message>
    <message>
      <source>{part} at {percent} is outside the typical {low}-{high} %.</source>
      <translation>{part}占 {percent}，超出通常的 {low}-{high} %。</translation>
    </message>
    <message>
      <source>{part} {amount} ({lever})</source>
      <translation>{part} {amount}（{lever}）</translation>
    </message>
    <message>
      <source>Most room in {high}; some in {medium}; little in {low}.</source>
      <translation>议价空间最大在{high}；其次在{medium}；最小在{low}。</translation>
    </message>
    <message>
      <source>Unit prices in {currencies} are converted to {currency} for the statistics.</source>
      <translation>统计时以 {currencies} 计的单价已换算为 {currency}。</translation>
    </message>
    <message>
      <source>Quotes in {currencies} are left out of the statistics: no exchange rate.</source>
      <translation>以 {currencies} 计的报价没有汇率，不计入统计。</translation>
    </message>
    <message>
      <source>{code} is not a currency code: choose your home currency, like EUR.</source>
      <translation>{code} 不是货币代码：请选择本币，如 EUR。</translation>
    </message>
    <message>
      <source>Choose {what}.</source>
      <translation>请选择{what}。</translation>
    </message>
    <message>
      <source>{code} is not a currency code for the agent, like CNY.</source>
      <translation>{code} 不是代理使用的货币代码（如 CNY）。</translation>
    </message>
    <message>
      <source>The number of item categories must be a whole number.</source>
      <translation>商品类别数必须是整数。</translation>
    </message>
    <message>
      <source>A consignment has at least 1 item category.</source>
      <translation>一批货至少有 1 个商品类别。</translation>
    </message>
    <message>
      <source>{sentences}</source>
      <translation>{sentences}</translation>
    </message>
    <message>
      <source>No quote can be priced at this quantity.</source>
      <translation>没有报价能按此数量计价。</translation>
    </message>
    <message>
      <source>Fewer than {count} priceable quotes: nothing is flagged as too good.</source>
      <translation>可计价的报价少于 {count} 个：不标记“低得可疑”。</translation>
    </message>
    <message>
      <source>{method}: {target}</source>
      <translation>{method}：{target}</translation>
    </message>
    <message>
      <source>{words}, after a {fee} fee</source>
      <translation>{words}，扣除 {fee} 的销售费用</translation>
    </message>
    <message>
      <source>{words}; the price earns a {margin} margin on price (a {markup} markup on cost).</source>
      <translation>{words}；该售价实得毛利率 {margin}（相当于成本加价率 {markup}）。</translation>
    </message>
    <message>
      <source>The fee ({fee}) and the margin ({margin}) add up to 100 % or more: no price can give that margin. Lower one of them.</source>
      <translation>销售费用（{fee}）与毛利率（{margin}）合计达到 100 % 或以上：任何售价都达不到这个毛利率。请降低其中一项。</translation>
    </message>
    <message>
      <source>A margin of 100 % or more needs an endless markup: lower the margin.</source>
      <translation>毛利率达到 100 % 或以上需要无限的加价率：请降低毛利率。</translation>
    </message>
    <message>
      <source>The cost must be for 1 unit or more.</source>
      <translation>成本须对应至少 1 件。</translation>
    </message>
    <message>
      <source>A fee of 100 % leaves nothing of the price: lower the fee.</source>
      <translation>销售费用为 100 % 时售价所剩为零：请降低费用。</translation>
    </message>
  </context>
  <context>
    <name>domain.samples</name>
    <message>
      <source>Price in {price_currency} and shipping in {shipping_currency}: no total without an exchange rate.</source>
      <translation>价格以 {price_currency} 计、运费以 {shipping_currency} 计：没有汇率，无法算出总费用。</translation>
    </message>
    <message>
      <source>In {currencies}: not compared without an exchange rate.</source>
      <translation>分别以 {currencies} 计：没有汇率，不作比较。</translation>
    </message>
    <message>
      <source>The spec has no target {measure}: deviations cannot be worked out.</source>
      <translation>规格没有目标{measure}：无法算出偏差。</translation>
    </message>
  </context>
  <context>
    <name>open_file</name>
    <message>
      <source>&amp;Open file</source>
      <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
      <source>Show in &amp;folder</source>
      <translation>在文件夹中显示(&amp;F)</translation>
    </message>
  </context>
  <context>
    <name>parsing</name>
    <message>
      <source>'{text}' is not a whole number: {what}.</source>
      <translation>“{text}”不是整数：{what}。</translation>
    </message>
    <message>
      <source>'{text}' is not a number: {what}.</source>
      <translation>“{text}”不是数字：{what}。</translation>
    </message>
    <message>
      <source>'{text}' is not a year: enter four digits, e.g. 2019.</source>
      <translation>“{text}”不是年份：请输入四位数字，如 2019。</translation>
    </message>
    <message>
      <source>'{text}' is not a date: enter it as {format}, e.g. 2027-01-31.</source>
      <translation>“{text}”不是日期：请按 {format} 格式输入，如 2027-01-31。</translation>
    </message>
  </context>
  <context>
    <name>pdf_printing</name>
    <message>
      <source>The printer could not be started; check its settings.</source>
      <translation>无法启动打印机，请检查其设置。</translation>
    </message>
    <message>
      <source>Cannot open {file} for printing: {error}</source>
      <translation>无法打开 {file} 进行打印：{error}</translation>
    </message>
    <message>
      <source>Print preview — {name}</source>
      <translation>打印预览 — {name}</translation>
    </message>
  </context>
  <context>
    <name>photo_import</name>
    <message>
      <source>Photos (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.bmp *.gif);;All files (*)</source>
      <translation>照片 (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
      <source>The pasted image could not be saved to {path}.</source>
      <translation>无法将粘贴的图片保存到 {path}。</translation>
    </message>
    <message>
      <source>{count} photo imported.</source>
      <translation>已导入 {count} 张照片。</translation>
    </message>
    <message>
      <source>{count} photos imported.</source>
      <translation>已导入 {count} 张照片。</translation>
    </message>
    <message>
      <source>{count} photo already in the store, not copied again: {names}</source>
      <translation>{count} 张照片已在照片库中，未重复复制：{names}</translation>
    </message>
    <message>
      <source>{count} photos already in the store, not copied again: {names}</source>
      <translation>{count} 张照片已在照片库中，未重复复制：{names}</translation>
    </message>
    <message>
      <source>{count} file refused:</source>
      <translation>{count} 个文件被拒绝：</translation>
    </message>
    <message>
      <source>{count} files refused:</source>
      <translation>{count} 个文件被拒绝：</translation>
    </message>
    <message>
      <source>Cancelled: {count} file not imported; the photos imported before stay.</source>
      <translation>已取消：{count} 个文件未导入；之前已导入的照片保留。</translation>
    </message>
    <message>
      <source>Cancelled: {count} files not imported; the photos imported before stay.</source>
      <translation>已取消：{count} 个文件未导入；之前已导入的照片保留。</translation>
    </message>
    <message>
      <source>No photos were found to import.</source>
      <translation>没有找到可导入的照片。</translation>
    </message>
    <message>
      <source>Already in the store:</source>
      <translation>已在照片库中：</translation>
    </message>
    <message>
      <source>  … and {count} more (see Details)</source>
      <translation>  … 另有 {count} 个（见详细信息）</translation>
    </message>
    <message>
      <source>Refused:</source>
      <translation>被拒绝：</translation>
    </message>
    <message>
      <source>The import stopped: {reason}</source>
      <translation>导入已停止：{reason}</translation>
    </message>
    <message>
      <source>Importing photos…</source>
      <translation>正在导入照片…</translation>
    </message>
    <message>
      <source>Import photos</source>
      <translation>导入照片</translation>
    </message>
    <message>
      <source>{names} … and {count} more</source>
      <translation>{names} … 另有 {count} 个</translation>
    </message>
  </context>
</TS>