#!/usr/bin/env python3
"""Writes the flat ODF sources (src/<case>.fodt) of the Word sample corpus.

    python3 corpus/samples/src/make_fodt.py      # then corpus/samples/build.sh turns them into .docx

The texts are the seed document (Tonglu County, public) and realistic drafts written for Filing (青溪县 is a
made-up county). LibreOffice, not this script, writes the Word files.
"""

from __future__ import annotations

import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fodt import (Cell, Doc, annotation, annotation_end, bookmark, deleted_here, ins, link, note,  # noqa: E402
                  render, span)

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES: dict[str, Doc] = {}

RECIPIENTS = "各乡镇人民政府、街道办事处，县政府各部门、各直属单位："
COPIED_TO = "县委各部门，县人大常委会办公室，县政协办公室，县监委，县法院，县检察院。"


def sample(fn):
    d = fn()
    SAMPLES[d.name] = d
    return fn


def run_in(d: Doc, line: str) -> None:
    """A body paragraph that may start with a run-in （一）heading。 (楷体 up to the first 。)."""
    if line.startswith("（") and "。" in line:
        head, rest = line.split("。", 1)
        d.h2(head + "。", rest)
    else:
        d.para(line)


# ------------------------------------------------------------------------------------------------------------------
# 1. The seed: 桐政发〔2018〕47号 in GB/T 9704 layout.
# ------------------------------------------------------------------------------------------------------------------
SEED_TITLE = "桐庐县人民政府关于印发《桐庐县深化法治政府建设实施意见(2018-2020年)》的通知"
SEED_ENCLOSED = "桐庐县深化法治政府建设实施意见(2018-2020年)"


@sample
def seed():
    d = Doc("seed-tonglu-2018-47", SEED_TITLE, creator="桐庐县人民政府办公室", created="2018-08-06T15:20:00")
    d.head("桐庐县人民政府文件", "桐政发〔2018〕47号", SEED_TITLE, "各乡镇人民政府、街道办事处，县政府各部门、各直属单位：")
    d.para(f"现将《{SEED_ENCLOSED}》印发给你们，请认真贯彻执行。")
    d.signature("桐庐县人民政府", "2018年8月6日", "（此件公开发布）")
    d.p("GwTitle", SEED_ENCLOSED, brk=True)
    with open(os.path.join(HERE, "seed-tonglu-2018-47.body.txt"), encoding="utf-8") as f:
        lines = [x.strip() for x in f if x.strip()]
    for line in lines:
        if line[:2] in ("一、", "二、", "三、"):
            d.h1(line)
        elif line.startswith("附件："):
            d.p("GwAttachNote", line)
        else:
            run_in(d, line)
    d.blank(2)
    d.imprint(COPIED_TO, "桐庐县人民政府办公室", "2018年8月7日")
    return d


# ------------------------------------------------------------------------------------------------------------------
# 2. A 办法 with 章/节/条/款/项/目 and 有效期, enclosed in a 印发 notice.
# ------------------------------------------------------------------------------------------------------------------
MEASURES_TITLE = "青溪县城市道路临时占用管理办法"

MEASURES = [
    ("第一章", "总则"),
    ("第一条", "为了加强城市道路临时占用管理，保障城市道路完好和通行安全，维护公共利益，根据《城市道路管理条例》"
              "《浙江省城市道路管理办法》等法律、法规和规章的规定，结合本县实际，制定本办法。"),
    ("第二条", "本办法适用于本县城市规划区内城市道路（含人行道、公共广场，下同）的临时占用及其监督管理活动。"),
    ("款", "因抢险救灾、突发事件应急处置需要紧急占用城市道路的，可以先行占用，并在险情排除后二十四小时内补办手续。"),
    ("第三条", "县住房和城乡建设局（以下简称县住建局）是本县城市道路临时占用的主管部门，负责临时占用的审批和监督管理。"),
    ("款", "县公安局交通警察大队负责临时占用城市道路的交通安全管理；县综合行政执法局负责对违法占用城市道路的行为"
          "实施行政处罚。"),
    ("款", "发展改革、财政、市场监管等部门按照各自职责做好相关工作。"),
    ("第四条", "城市道路临时占用遵循从严控制、合理布局、限时使用、谁占用谁负责的原则。"),
    ("款", "有下列情形之一的，不得临时占用城市道路："),
    ("项", "（一）主干道及其交叉口周边五十米范围内的；"),
    ("项", "（二）人行道宽度不足三米的；"),
    ("项", "（三）消防通道、盲道和其他无障碍设施；"),
    ("项", "（四）法律、法规规定不得占用的其他情形。"),
    ("第二章", "申请与审批"),
    ("第一节", "申请"),
    ("第五条", "临时占用城市道路的，申请人应当向县住建局提出书面申请，并提交下列材料："),
    ("项", "（一）临时占用城市道路申请表；"),
    ("项", "（二）申请人身份证明；"),
    ("项", "（三）占用道路的位置、面积、期限和用途说明，以及现场平面示意图；"),
    ("项", "（四）涉及交通安全的，公安机关交通管理部门出具的意见；"),
    ("项", "（五）法律、法规规定的其他材料。"),
    ("款", "申请人可以通过浙江政务服务网在线提交前款规定的材料。"),
    ("第六条", "申请临时占用城市道路用于下列活动的，除提交本办法第五条规定的材料外，还应当分别提交相应材料："),
    ("项", "（一）建设施工的，提交下列材料："),
    ("目", "1.建设工程规划许可证或者其他批准文件；"),
    ("目", "2.施工组织方案和安全防护措施；"),
    ("目", "3.道路恢复承诺书。"),
    ("项", "（二）举办商业促销、展览等活动的，提交活动方案和安全应急预案；"),
    ("项", "（三）设置临时停车泊位的，提交停车秩序管理方案。"),
    ("第二节", "审批"),
    ("第七条", "县住建局应当自受理申请之日起五个工作日内作出决定；符合条件的，核发《城市道路临时占用许可证》；"
              "不符合条件的，书面告知申请人并说明理由。"),
    ("款", "情况复杂需要现场勘查的，经县住建局负责人批准，可以延长五个工作日，并将延长期限的理由告知申请人。"),
    ("第八条", "城市道路临时占用的期限按照下列规定确定："),
    ("项", "（一）建设施工占用的，不超过六个月；"),
    ("项", "（二）举办活动占用的，不超过十五日；"),
    ("项", "（三）其他占用的，不超过三个月。"),
    ("款", "占用期限届满需要延续的，申请人应当在期限届满十日前申请延续，延续期限累计不得超过原批准期限。"),
    ("第九条", "城市道路临时占用许可证应当载明占用单位、位置、面积、用途、期限和有关管理要求。"),
    ("第三章", "监督管理"),
    ("第十条", "经批准临时占用城市道路的，占用人应当遵守下列规定："),
    ("项", "（一）在占用现场醒目位置公示临时占用许可证；"),
    ("项", "（二）按照批准的位置、面积、期限和用途占用，不得擅自改变；"),
    ("项", "（三）设置安全警示标志和防护设施，保持现场整洁；"),
    ("项", "（四）占用期满后及时清理现场，恢复道路原状。"),
    ("第十一条", "县住建局应当建立城市道路临时占用信息管理系统，会同县公安局交通警察大队、县综合行政执法局实现审批"
                "信息和执法信息共享。"),
    ("款", "县综合行政执法局应当加强日常巡查，发现违法占用城市道路行为的，依法予以查处。"),
    ("第十二条", "县住建局应当每年对城市道路临时占用情况进行评估，评估结果向社会公布。"),
    ("第四章", "法律责任"),
    ("第十三条", "违反本办法规定，未经批准临时占用城市道路，或者未按照批准的位置、面积、期限占用城市道路的，由县综合"
                "行政执法局依照《城市道路管理条例》第四十二条的规定予以处罚。"),
    ("第十四条", "行政机关工作人员在城市道路临时占用管理工作中玩忽职守、滥用职权、徇私舞弊的，依法给予处分；构成犯罪"
                "的，依法追究刑事责任。"),
    ("第五章", "附则"),
    ("第十五条", "本办法所称城市道路，是指城市供车辆、行人通行的，具备一定技术条件的道路、桥梁及其附属设施。"),
    ("第十六条", "本办法由县住建局负责具体应用解释。"),
    ("第十七条", "本办法自2020年1月1日起施行，有效期5年。"),
]


def write_articles(d: Doc, rows) -> None:
    for kind, text in rows:
        if kind.endswith("章"):
            d.chapter(f"{kind}\u3000{text}")
        elif kind.endswith("节"):
            d.section(f"{kind}\u3000{text}")
        elif kind.endswith("条"):
            d.article(kind, text)
        else:  # 款, 项, 目 are body paragraphs
            d.para(text)


@sample
def measures():
    title = f"青溪县人民政府办公室关于印发《{MEASURES_TITLE}》的通知"
    d = Doc("measures-articles", title, created="2019-12-02T10:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2019〕58号", title, RECIPIENTS)
    d.para(f"《{MEASURES_TITLE}》已经县政府第36次常务会议审议通过，现印发给你们，请认真遵照执行。")
    d.signature("青溪县人民政府办公室", "2019年12月2日", "（此件公开发布）")
    d.p("GwTitle", MEASURES_TITLE, brk=True)
    write_articles(d, MEASURES)
    d.blank(2)
    d.imprint(COPIED_TO, "青溪县人民政府办公室", "2019年12月3日")
    return d


# ------------------------------------------------------------------------------------------------------------------
# 3. A 通知 with four heading levels 一、/（一）/1./（1）.
# ------------------------------------------------------------------------------------------------------------------
NOTICE_TITLE = "青溪县人民政府关于开展行政规范性文件全面清理工作的通知"

NOTICE_BODY = [
    "为贯彻落实《浙江省行政规范性文件管理办法》关于定期清理的要求，维护法制统一，经县政府同意，决定在全县范围内开展"
    "行政规范性文件全面清理工作。现将有关事项通知如下：",
    "一、清理范围",
    "（一）清理对象。截至2019年12月31日，以县政府、县政府办公室名义制发的行政规范性文件，以及县政府各部门制发的"
    "行政规范性文件。",
    "（二）清理重点。重点清理涉及市场主体经济活动、公民权利义务以及与“最多跑一次”改革要求不相符的文件。",
    "二、清理标准",
    "（一）合法性标准。",
    "1.制定主体合法。文件的制定机关应当具有相应的行政管理职权，不得超越法定权限。",
    "2.内容合法。文件内容不得有下列情形：",
    "（1）违法设定行政许可、行政处罚、行政强制等事项；",
    "（2）违法减损公民、法人和其他组织合法权益或者增加其义务；",
    "（3）违法排除、限制市场竞争。",
    "3.程序合法。文件应当经过合法性审核、集体讨论决定并统一发布。",
    "（二）适当性标准。",
    "1.文件规定与经济社会发展要求相适应。",
    "2.文件规定的措施具有可操作性。",
    "（三）协调性标准。文件之间不存在矛盾或者重复规定。",
    "三、工作步骤",
    "（一）自查清理阶段（2020年3月20日至4月30日）。各制定机关对本机关制发的文件逐件清理，提出继续有效、拟修改、"
    "拟废止或者宣布失效的意见。",
    "（二）审核确认阶段（2020年5月1日至5月31日）。县司法局对清理意见进行审核，报县政府确认。",
    "（三）公布结果阶段（2020年6月30日前）。清理结果以县政府文件形式统一公布，并在县政府门户网站公开。",
    "四、工作要求",
    "（一）加强组织领导。各单位要高度重视，明确分管领导和具体责任人，确保清理工作按时完成。",
    "（二）严格审核把关。对拟继续有效的文件，要逐条审核，不得简单化、走过场。",
    "（三）及时报送材料。各单位应当于2020年4月30日前将清理结果报送县司法局（联系人：陈敏）。",
]


def write_outline(d: Doc, lines) -> None:
    for line in lines:
        if len(line) > 1 and line[1] == "、" and line[0] in "一二三四五六七八九十":
            d.h1(line)
        elif line.startswith("（") and line[1] in "一二三四五六七八九十":
            if line.endswith("。") and line.count("。") == 1:
                d.h2(line)
            else:
                run_in(d, line)
        else:
            d.para(line)


@sample
def notice():
    d = Doc("notice-four-levels", NOTICE_TITLE, created="2020-03-18T09:00:00")
    d.head("青溪县人民政府文件", "青政发〔2020〕15号", NOTICE_TITLE, RECIPIENTS)
    write_outline(d, NOTICE_BODY)
    d.signature("青溪县人民政府", "2020年3月18日", "（此件公开发布）")
    d.blank(2)
    d.imprint(COPIED_TO, "青溪县人民政府办公室", "2020年3月19日")
    return d


# ------------------------------------------------------------------------------------------------------------------
# 4. An 实施意见 with tables (merged cells) and two attachments whose bodies follow the signature.
# ------------------------------------------------------------------------------------------------------------------
OPINION_TITLE = "青溪县人民政府关于加快推进农村生活污水治理的实施意见"
ATTACHMENTS = ["青溪县农村生活污水治理年度任务分解表", "青溪县农村生活污水治理设施运维考核办法"]


@sample
def opinion():
    d = Doc("opinion-tables-attachments", OPINION_TITLE, created="2021-04-12T16:00:00")
    d.head("青溪县人民政府文件", "青政发〔2021〕9号", OPINION_TITLE, RECIPIENTS)
    d.para("为深入实施乡村振兴战略，加快补齐农村生活污水治理短板，持续改善农村人居环境，根据《浙江省农村生活污水"
           "处理设施管理条例》等规定，结合我县实际，提出如下实施意见。")
    d.h1("一、总体要求")
    d.h2("（一）指导思想。", "坚持生态优先、绿色发展，以提升治理设施运行效能为核心，建管并重、标本兼治，推动农村生活"
                      "污水治理由“重建设”向“重运维”转变。")
    d.h2("（二）主要目标。", "到2023年底，全县农村生活污水治理设施行政村覆盖率达到100%，出水达标率达到95%以上。"
                      "各年度目标如下：")
    d.table([5.2, 3.4, 3.4, 3.4], [
        [Cell("指标", rowspan=2, style="GwTableHead"), Cell("年度目标值", colspan=3, style="GwTableHead")],
        [Cell("2021年", style="GwTableHead"), Cell("2022年", style="GwTableHead"), Cell("2023年", style="GwTableHead")],
        ["行政村覆盖率", "80%", "90%", "100%"],
        ["出水达标率", "85%", "90%", "95%"],
        ["标准化运维覆盖率", "60%", "80%", "100%"],
    ], header_rows=2)
    d.h1("二、重点任务")
    d.h2("（一）加快设施建设。", "按照“宜纳则纳、宜集则集、宜散则散”的原则，科学确定治理模式。城镇周边村庄优先纳入城镇"
                        "污水管网，其他村庄因地制宜建设集中或者分散处理设施。")
    d.h2("（二）提升运维水平。", "建立“县级主导、乡镇主管、村级主体、农户主人、第三方专业服务机构主运”的运维管理体系，"
                        "实现运维服务全覆盖。")
    d.h2("（三）强化监督考核。", "县生态环境分局每季度对处理设施出水水质进行抽检，抽检结果纳入乡镇（街道）年度考核。")
    d.h1("三、保障措施")
    d.h2("（一）加强组织领导。", "成立由县政府分管副县长任组长的农村生活污水治理工作领导小组，领导小组办公室设在县农业农村局。")
    d.h2("（二）强化资金保障。", "县财政每年安排专项资金用于设施建设和运维补助，县级补助和乡镇（街道）配套比例如下：")
    d.table([3.0, 6.2, 3.2, 3.2], [
        [Cell("类别", style="GwTableHead"), Cell("乡镇（街道）", style="GwTableHead"),
         Cell("县级补助比例", style="GwTableHead"), Cell("乡镇配套比例", style="GwTableHead")],
        [Cell("一类地区", rowspan=2), "东溪镇、西岭乡", Cell("70%", rowspan=2), Cell("30%", rowspan=2)],
        ["南屏乡、北山乡"],
        [Cell("二类地区", rowspan=2), "城关街道、青湖街道", Cell("50%", rowspan=2), Cell("50%", rowspan=2)],
        ["白沙镇、石门镇"],
    ], header_rows=1)
    d.h2("（三）严格责任追究。", "对工作推进不力、设施长期不能正常运行的乡镇（街道），由县政府予以通报，并依法依规追究"
                        "有关人员责任。")
    d.attachment_note(ATTACHMENTS)
    d.signature("青溪县人民政府", "2021年4月12日", "（此件公开发布）")
    # 附件1
    d.p("GwAttachLabel", "附件1", brk=True)
    d.p("GwAttachTitle", ATTACHMENTS[0])
    head = [Cell(t, style="GwTableHead") for t in ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")]
    d.table([1.4, 6.0, 2.8, 3.4, 2.0], [
        head,
        [Cell("一、设施建设", colspan=5, style="GwTableTextLeft")],
        ["1", Cell("新建农村生活污水处理终端15座", style="GwTableTextLeft"), Cell("县农业农村局", rowspan=2),
         "各乡镇（街道）", "2021年12月"],
        ["2", Cell("改造提升老旧处理设施40座", style="GwTableTextLeft"), "县生态环境分局", "2022年6月"],
        [Cell("二、运维管理", colspan=5, style="GwTableTextLeft")],
        ["3", Cell("完成第三方运维服务机构招标", style="GwTableTextLeft"), Cell("县住建局", rowspan=2), "县财政局",
         "2021年9月"],
        ["4", Cell(["建成运维管理信息平台", "实现水质在线监测"], style="GwTableTextLeft"), "县大数据中心",
         "2022年12月"],
    ], header_rows=1)
    # 附件2
    d.p("GwAttachLabel", "附件2", brk=True)
    d.p("GwAttachTitle", ATTACHMENTS[1])
    d.h1("一、考核对象")
    d.para("各乡镇人民政府、街道办事处，以及承担农村生活污水处理设施运维服务的第三方专业服务机构。")
    d.h1("二、考核内容")
    d.para("考核内容包括设施完好率、出水达标率、运维台账完整性和群众满意度，满分100分。")
    d.h1("三、结果运用")
    d.para("考核结果分为优秀、良好、合格、不合格四个等次，与运维补助资金拨付挂钩。")
    d.blank(2)
    d.imprint(COPIED_TO, "青溪县人民政府办公室", "2021年4月13日")
    return d


# ------------------------------------------------------------------------------------------------------------------
# 5. Variations, one Word feature each.
# ------------------------------------------------------------------------------------------------------------------
AUTO_TITLE = "青溪县行政执法公示规定"

# (level, text) — level 1 = 第X条 (auto numbered), 0 = further 款 of the article (not numbered),
# 2 = 项 （一） (auto numbered), 3 = 目 1. (auto numbered)
AUTO_ROWS = [
    (1, "为了规范行政执法公示工作，保障公民、法人和其他组织的知情权、参与权和监督权，根据《浙江省行政程序办法》"
        "等规定，结合本县实际，制定本规定。"),
    (1, "本县各行政执法机关实施行政许可、行政处罚、行政强制、行政检查、行政征收征用等行政执法行为，应当依照本规定"
        "进行公示。"),
    (1, "行政执法机关应当在县政府门户网站公示下列信息："),
    (2, "行政执法主体、人员、职责、权限和依据；"),
    (2, "行政执法程序和救济渠道；"),
    (2, "随机抽查事项清单。"),
    (0, "前款规定的信息发生变化的，行政执法机关应当自变化之日起二十个工作日内更新。"),
    (1, "行政执法机关应当自作出行政执法决定之日起七个工作日内公示执法决定信息，但有下列情形之一的除外："),
    (2, "涉及国家秘密的；"),
    (2, "涉及商业秘密、个人隐私，公开后可能损害第三方合法权益的；"),
    (2, "法律、行政法规规定不予公开的其他情形。"),
    (1, "行政处罚决定信息公示的内容包括："),
    (2, "行政处罚决定书文号；"),
    (2, "当事人信息，其中："),
    (3, "当事人为自然人的，公示其姓名，身份证号码隐去出生年月日；"),
    (3, "当事人为法人或者其他组织的，公示其名称和统一社会信用代码；"),
    (2, "违法事实、处罚依据和处罚结果。"),
    (1, "公示的行政执法决定被依法撤销、确认违法或者要求重新作出的，行政执法机关应当在三个工作日内撤下原公示信息。"),
    (1, "县司法局负责对行政执法公示工作进行监督检查，检查结果纳入法治政府建设考核。"),
    (1, "本规定自2020年6月1日起施行。"),
]

AUTO_LIST_STYLE = (
    '<text:list-style style:name="GwArticleNumbering" style:display-name="条款编号">'
    '<text:list-level-style-number text:level="1" text:style-name="GwNumZh" style:num-prefix="第" '
    'style:num-suffix="条" style:num-format="一, 二, 三, ..."><style:list-level-properties '
    'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
    'text:label-followed-by="space" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties>'
    "</text:list-level-style-number>"
    '<text:list-level-style-number text:level="2" text:style-name="GwNumZh" style:num-prefix="（" '
    'style:num-suffix="）" style:num-format="一, 二, 三, ..."><style:list-level-properties '
    'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
    'text:label-followed-by="nothing" fo:text-indent="1.13cm" fo:margin-left="0cm"/></style:list-level-properties>'
    "</text:list-level-style-number>"
    '<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1">'
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    '<style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="1.13cm" fo:margin-left="0cm"/>'
    "</style:list-level-properties></text:list-level-style-number>"
    "</text:list-style>"
)


def write_numbered(d: Doc, list_style: str, rows) -> None:
    """Paragraphs numbered by a list style: rows of (level, paragraph style, parts); level 0 is an unnumbered
    paragraph between numbered ones. One text:list per run of numbered paragraphs, each continuing the numbering
    of the previous one, which LibreOffice writes as a single w:numId, the way Word keeps one list going."""
    items: list[str] = []
    first = True

    def flush():
        nonlocal items, first
        if items:
            cont = "" if first else ' text:continue-numbering="true"'
            d.raw(f'<text:list text:style-name="{list_style}"{cont}>' + "".join(items) + "</text:list>")
            items = []
            first = False

    for level, style, parts in rows:
        if level == 0:
            flush()
            d.p(style, *parts)
            continue
        inner = f'<text:p text:style-name="{style}">{render(parts)}</text:p>'
        for _ in range(level - 1):
            inner = f"<text:list><text:list-item>{inner}</text:list-item></text:list>"
        items.append(f"<text:list-item>{inner}</text:list-item>")
    flush()


@sample
def auto_numbering():
    d = Doc("auto-numbering", AUTO_TITLE, created="2020-05-08T09:00:00")
    d.extra_styles.append(AUTO_LIST_STYLE)
    d.extra_styles.append('<style:style style:name="GwArticle" style:display-name="条文" style:family="paragraph" '
                          'style:parent-style-name="GwBody" style:list-style-name="GwArticleNumbering">'
                          '<style:paragraph-properties fo:text-indent="32pt"/></style:style>')
    d.head("青溪县人民政府文件", "青政发〔2020〕21号", AUTO_TITLE, None)
    write_numbered(d, "GwArticleNumbering", [(lvl, "GwArticle" if lvl else "GwBody", [text]) for lvl, text in AUTO_ROWS])
    d.signature("青溪县人民政府", "2020年5月8日", "（此件公开发布）")
    return d


# ---- automatic numbering of 一、/（一）/1./（1） headings ------------------------------------------------------------
AUTO_OUTLINE_TITLE = "青溪县人民政府办公室关于做好2021年度政务公开工作的通知"

AUTO_OUTLINE_LIST_STYLE = (
    '<text:list-style style:name="GwOutlineNumbering" style:display-name="公文标题编号">'
    + "".join(
        f'<text:list-level-style-number text:level="{lvl}"{zh} style:num-prefix="{pre}" style:num-suffix="{suf}" '
        f'style:num-format="{fmt}"><style:list-level-properties '
        'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
        'text:label-followed-by="nothing" fo:text-indent="32pt" fo:margin-left="0cm"/></style:list-level-properties>'
        "</text:list-level-style-number>"
        for lvl, zh, pre, suf, fmt in [
            (1, ' text:style-name="GwNumZh"', "", "、", "一, 二, 三, ..."),
            (2, ' text:style-name="GwNumZh"', "（", "）", "一, 二, 三, ..."),
            (3, "", "", ".", "1"),
            (4, "", "（", "）", "1"),
        ])
    + "</text:list-style>"
)


@sample
def auto_numbering_outline():
    d = Doc("auto-numbering-outline", AUTO_OUTLINE_TITLE, created="2021-03-26T09:00:00")
    d.extra_styles.append(AUTO_OUTLINE_LIST_STYLE)
    d.head("青溪县人民政府办公室文件", "青政办发〔2021〕11号", AUTO_OUTLINE_TITLE, RECIPIENTS)
    kai = lambda heading, rest: [span("GwKai", heading), rest]  # noqa: E731 - run-in heading in 楷体
    write_numbered(d, "GwOutlineNumbering", [
        (0, "GwBody", ["为深入贯彻《中华人民共和国政府信息公开条例》，进一步提升政务公开质量，现就做好2021年度政务公开"
                       "工作通知如下："]),
        (1, "GwH1", ["围绕重点领域深化公开"]),
        (2, "GwBody", kai("助力“最多跑一次”改革。", "全面公开政务服务事项办事指南，实现办事指南要素齐全、准确可用。")),
        (2, "GwBody", kai("加强规范性文件公开。", "行政规范性文件应当在公布之日起20个工作日内在县政府门户网站统一发布，"
                                           "并做好以下工作：")),
        (3, "GwBody", ["同步发布政策解读。起草单位应当同步起草政策解读材料，与文件同步报审、同步发布。"]),
        (3, "GwBody", ["集中公开现行有效文件。按照下列要求建立文件库："]),
        (4, "GwBody", ["每季度更新一次；"]),
        (4, "GwBody", ["标注文件有效性。"]),
        (1, "GwH1", ["提升政务公开平台水平"]),
        (2, "GwBody", kai("优化政府网站。", "完善政府信息公开专栏，确保栏目信息及时更新。")),
        (2, "GwBody", kai("用好政务新媒体。", "加强政务新媒体内容审核，杜绝错误信息发布。")),
        (1, "GwH1", ["强化组织保障"]),
        (0, "GwBody", ["各单位要明确分管领导和工作人员，于2021年12月10日前将年度政务公开工作总结报送县政府办公室。"]),
    ])
    d.signature("青溪县人民政府办公室", "2021年3月26日", "（此件公开发布）")
    return d


# ---- split runs ----------------------------------------------------------------------------------------------
SPLIT_TITLE = "青溪县人民政府办公室关于做好2020年国庆节期间安全生产工作的通知"


@sample
def split_runs():
    d = Doc("split-runs", SPLIT_TITLE, created="2020-09-25T11:00:00")
    # character styles that differ from each other, so that no two neighbouring spans can merge
    styles = {
        "SrA": '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>',
        "SrB": '<style:text-properties fo:font-style="italic" style:font-style-asian="italic"/>',
        "SrC": '<style:text-properties fo:color="#1f3864"/>',
        "SrD": '<style:text-properties style:font-name="Times New Roman"/>',
        "SrE": '<style:text-properties fo:letter-spacing="0.5pt"/>',
        "SrF": '<style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" '
               'style:text-underline-color="font-color"/>',
        "SrG": '<style:text-properties fo:background-color="#ffff00"/>',
        "SrH": '<style:text-properties style:font-name-asian="黑体"/>',
    }
    for n, t in styles.items():
        d.auto.append(f'<style:style style:name="{n}" style:family="text">{t}</style:style>')
    order = list(styles)

    def split(text: str, cuts: list[int]) -> list:
        parts, last = [], 0
        for i, c in enumerate(cuts + [len(text)]):
            parts.append(span(order[i % len(order)], text[last:c]))
            last = c
        return parts

    d.p("GwIssuer", *split("青溪县人民政府办公室文件", [2, 3, 7]))
    d.p("GwDocNo", *split("青政办发〔2020〕47号", [2, 4, 5, 7, 9, 11]))
    d.p("GwTitle", *split(SPLIT_TITLE[:12], [3, 6]), bookmark("标题书签", SPLIT_TITLE[12:20]),
        *split(SPLIT_TITLE[20:], [2, 5, 9, 14]))
    d.p("GwRecipients", *split(RECIPIENTS, [3, 7, 8, 14, 20]))
    d.para(*split("国庆节期间是人员流动和生产经营活动的高峰期，为切实做好节日期间安全生产工作，现就有关事项通知如下：",
                  [3, 9, 10, 22, 30]))
    d.p("GwH1", *split("一、强化安全责任落实", [1, 2, 4, 6]))
    d.p("GwBody", span("GwKai", "（"), span("SrH", "一"), span("GwKai", "）落实属地责任。"),
        *split("各乡镇（街道）要对辖区内生产经营单位开展一次全面检查，", [4, 12, 13]),
        link("https://www.zjzwfw.gov.cn/", "检查情况"), "及时录入安全生产监管平台。")
    d.p("GwBody", span("GwKai", "（二"), span("SrA", "）"), span("GwKai", "落实企业主体责任。"),
        *split("企业主要负责人是本单位安全生产第一责任人，节日期间必须落实领导带班和24小时值班制度。", [6, 11, 30, 32]))
    d.p("GwH1", span("SrH", "二"), span("GwHei", "、"), *split("加强重点领域排查", [2, 4]))
    d.p("GwBody", span("GwKai", "（一）"), span("SrB", "道路交通。"),
        *split("加强客运车辆、旅游包车和危险化学品运输车辆管理，严厉打击超速、超员、疲劳驾驶等违法行为。", [5, 19, 20, 35]))
    d.p("GwBody", span("SrC", "（二）"), span("GwKai", "消防安全。"),
        *split("对人员密集场所开展消防安全检查，确保疏散通道、安全出口畅通。", [3, 8, 16]))
    d.p("GwH1", *split("三、严格值班值守", [1, 2]))
    d.para(*split("节日期间各单位要严格执行24小时值班和领导带班制度，遇有重大情况及时报告县政府总值班室。", [8, 10, 12, 15, 27]))
    d.p("GwSignature", *split("青溪县人民政府办公室", [3, 5, 7]))
    d.p("GwDate", *split("2020年9月25日", [2, 4, 5, 6, 7, 9]))
    return d


# ---- tracked changes --------------------------------------------------------------------------------------------
@sample
def tracked_changes():
    author, when = "县司法局 李明", "2020-03-06T14:30:00"
    title_before = "青溪县人民政府办公室关于加强行政规范性文件合法性审核工作的通知"
    d = Doc("tracked-changes", title_before, created="2020-03-05T09:00:00")
    d.insertion("c1", author, when)
    d.deletion("c2", author, when, "<text:p>6</text:p>")
    d.insertion("c3", author, when)
    d.insertion("c4", author, when)
    d.deletion("c5", author, when, "<text:p>，切实防止文件“带病出台”</text:p>")
    d.deletion("c6", author, when, '<text:p/><text:p text:style-name="GwBody">（三）加强备案审查。县司法局应当对报送备案的'
                                   "文件及时审查，发现问题依法处理。</text:p>")
    d.insertion("c7", author, when)
    d.deletion("c8", author, when, "<text:p>5</text:p>")
    d.insertion("c9", author, when)
    d.head("青溪县人民政府办公室文件", None, [], None)
    d.p("GwDocNo", "青政办发〔2020〕", deleted_here("c2"), ins("c1", "1"), "6号")
    d.p("GwTitle", "青溪县人民政府办公室关于", ins("c3", "进一步"), "加强行政规范性文件合法性审核工作的通知")
    d.p("GwRecipients", RECIPIENTS)
    d.para("为规范行政规范性文件制定程序，", ins("c4", "提高合法性审核质量，"), "根据《浙江省行政规范性文件管理办法》"
           "等规定，现就有关事项通知如下：")
    d.h1("一、明确审核范围")
    d.para("县政府及其部门制定的行政规范性文件，应当在提请集体讨论前交由本级司法行政部门进行合法性审核", deleted_here("c5"),
           "。未经合法性审核或者经审核不合法的，不得提交集体讨论。")
    d.h1("二、规范审核程序")
    d.h2("（一）报送材料。", "起草单位应当报送文件送审稿、起草说明、制定依据和征求意见情况等材料。")
    d.h2("（二）审核期限。", "合法性审核一般不少于5个工作日，最长不超过15个工作日。", deleted_here("c6"))
    d.h1("三、强化结果运用")
    d.raw('<text:p text:style-name="GwBody">审核意见应当作为制定机关决策的重要依据。起草单位未采纳审核意见的，应当书面'
          '说明理由。<text:change-start text:change-id="c9"/></text:p>'
          '<text:p text:style-name="GwBody">各单位要于每年1月底前将上一年度合法性审核工作情况报送县司法局。'
          '<text:change-end text:change-id="c9"/></text:p>')
    d.p("GwSignature", "青溪县人民政府办公室")
    d.p("GwDate", "2020年3月", deleted_here("c8"), ins("c7", "9"), "日")
    return d


# ---- comments -------------------------------------------------------------------------------------------------
COMMENTS_TITLE = "青溪县人民政府关于进一步规范涉企行政检查的通知"


@sample
def comments():
    d = Doc("comments", COMMENTS_TITLE, created="2020-04-01T09:00:00")
    d.head("青溪县人民政府文件", "青政发〔2020〕12号", COMMENTS_TITLE, RECIPIENTS)
    d.para("为优化营商环境，减少对企业正常生产经营活动的干扰，现就进一步规范涉企行政检查有关事项通知如下：")
    d.h1("一、实行检查计划管理")
    d.para("各行政执法部门应当于每年1月31日前制定年度涉企行政检查计划，",
           annotation("批注1", "县司法局 王芳", "2020-04-02T10:15:00", "建议明确计划报送的对象和方式。"),
           "报县司法局备案", annotation_end("批注1"), "。")
    d.h1("二、推行联合检查")
    d.para("对同一企业的多项检查事项，原则上应当合并或者纳入联合检查，同一部门对同一企业的检查每年不超过2次。",
           annotation("批注2", "县市场监管局 赵磊", "2020-04-02T16:40:00", "“每年不超过2次”是否包括投诉举报引发的检查？"))
    d.h1("三、加强监督")
    d.para("县司法局应当加强对涉企行政检查的监督，对违反本通知规定随意检查的，依法依规追究责任。")
    d.signature("青溪县人民政府", "2020年4月3日")
    return d


# ---- merged table -----------------------------------------------------------------------------------------------
MERGED_TITLE = "青溪县人民政府办公室关于公布2020年度县级行政规范性文件制定计划的通知"


@sample
def merged_table():
    d = Doc("merged-table", MERGED_TITLE, created="2020-02-20T09:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2020〕5号", MERGED_TITLE, RECIPIENTS)
    d.para("经县政府同意，现将2020年度县级行政规范性文件制定计划予以公布，请各起草单位抓紧组织实施。")
    d.table([1.3, 6.1, 3.0, 2.6, 2.6], [
        [Cell("序号", rowspan=2, style="GwTableHead"), Cell("文件名称", rowspan=2, style="GwTableHead"),
         Cell("起草单位", rowspan=2, style="GwTableHead"), Cell("计划时间", colspan=2, style="GwTableHead")],
        [Cell("送审", style="GwTableHead"), Cell("出台", style="GwTableHead")],
        [Cell("一、经济发展类", colspan=5, style="GwTableTextLeft")],
        ["1", Cell("青溪县促进民营经济高质量发展若干政策", style="GwTableTextLeft"),
         Cell("县发展改革局", rowspan=2), "6月", "9月"],
        ["2", Cell("青溪县招商引资项目管理办法", style="GwTableTextLeft"), "7月", "10月"],
        [Cell("二、社会民生类", colspan=5, style="GwTableTextLeft")],
        ["3", Cell("青溪县困难群众医疗救助实施办法", style="GwTableTextLeft"), "县医保分局",
         Cell("第三季度", colspan=2)],
        ["4", Cell(["青溪县城乡居民基本养老保险实施办法", "（修订）"], style="GwTableTextLeft"), "县人力社保局",
         "8月", "11月"],
    ], header_rows=2)
    d.para("计划执行中确需调整的，起草单位应当书面说明理由，报县司法局审核后按程序报县政府同意。")
    d.signature("青溪县人民政府办公室", "2020年2月20日", "（此件公开发布）")
    return d


# ---- text boxes -------------------------------------------------------------------------------------------------
TEXTBOX_TITLE = "青溪县人民政府关于做好2020年度行政规范性文件备案工作的通知"


@sample
def text_box():
    d = Doc("text-box", TEXTBOX_TITLE, created="2020-01-10T09:00:00")
    # The issuer mark sits in a borderless text box, as in many county templates.
    d.text_box(["青溪县人民政府文件"], 15.6, 2.6, style="GwIssuerInBox", border=False)
    d.head(None, "青政发〔2020〕3号", TEXTBOX_TITLE, RECIPIENTS)
    d.para("为严格落实行政规范性文件备案审查制度，确保备案工作及时、规范，现就有关事项通知如下：")
    d.h1("一、备案时限")
    d.para("行政规范性文件自公布之日起15日内，由制定机关报送县司法局备案。")
    # An inline text box in a paragraph of its own (Word: "In line with text").
    d.text_box(["温馨提示：通过浙江省行政规范性文件管理信息系统报备的，无需另行报送纸质材料。"], 14.0, 2.4,
               anchor_style="GwFigure", inline=True)
    d.h1("二、备案材料")
    d.para("报送备案应当提交备案报告、文件正式文本、起草说明和合法性审核意见。")
    d.signature("青溪县人民政府", "2020年1月10日", "（此件公开发布）")
    return d


# ---- footnotes --------------------------------------------------------------------------------------------------
FOOTNOTE_TITLE = "青溪县人民政府关于建立行政规范性文件定期评估制度的通知"


@sample
def footnotes():
    d = Doc("footnotes", FOOTNOTE_TITLE, created="2020-06-15T09:00:00")
    d.head("青溪县人民政府文件", "青政发〔2020〕33号", FOOTNOTE_TITLE, RECIPIENTS)
    d.para("为提高行政规范性文件质量，根据《浙江省行政规范性文件管理办法》",
           note("footnote", "ftn1", "1", "2018年修订，浙江省人民政府令第372号。"),
           "有关规定，决定建立行政规范性文件定期评估制度。现将有关事项通知如下：")
    d.h1("一、评估对象")
    d.para("施行满2年的行政规范性文件，以及有效期届满前6个月的行政规范性文件", note("footnote", "ftn2", "2",
           "有效期届满前的评估结论作为文件是否延续的依据。"), "。")
    d.h1("二、评估内容")
    d.para("评估内容包括文件的合法性、合理性、协调性、可操作性和实施效果", note("endnote", "edn1", "i",
           "评估指标体系由县司法局另行制定。"), "。")
    d.signature("青溪县人民政府", "2020年6月15日", "（此件公开发布）")
    return d


# ---- number in header -------------------------------------------------------------------------------------------
HEADER_TITLE = "青溪县人民政府办公室关于做好2020年重大行政决策事项目录管理工作的通知"


@sample
def number_in_header():
    # No page-number footer here, so that the header is the only header/footer text.
    d = Doc("number-in-header", HEADER_TITLE, created="2020-02-28T09:00:00", page_numbers=False,
            header='<text:p text:style-name="Header">青政办发〔2020〕8号</text:p>')
    d.head("青溪县人民政府办公室文件", None, HEADER_TITLE, RECIPIENTS)
    d.para("《青溪县人民政府2020年重大行政决策事项目录》已经县政府同意并向社会公布，现就做好目录管理工作通知如下：")
    d.h1("一、严格履行决策程序")
    d.para("目录内事项应当严格履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定等程序。")
    d.h1("二、按时完成决策事项")
    d.para("承办单位应当按照目录确定的时间节点推进工作，确需调整的，应当报县政府同意。")
    d.signature("青溪县人民政府办公室", "2020年2月28日", "（此件公开发布）")
    return d


# ---- half-width brackets ----------------------------------------------------------------------------------------
@sample
def half_width_brackets():
    d = Doc("half-width-brackets", SEED_TITLE, creator="桐庐县人民政府办公室", created="2018-08-06T15:20:00")
    d.head("桐庐县人民政府文件", "桐政发[2018]47号", SEED_TITLE, "各乡镇人民政府、街道办事处,县政府各部门、各直属单位:")
    d.para(f"现将《{SEED_ENCLOSED}》印发给你们,请认真贯彻执行。")
    d.signature("桐庐县人民政府", "2018年8月6日")
    d.p("GwTitle", SEED_ENCLOSED, brk=True)
    d.para("为进一步推进依法行政,加快建设法治政府,实现到2020年基本建成法治政府的奋斗目标,结合我县实际,现提出如下实施意见:")
    d.h1("一、总体要求")
    d.p("GwBody", span("GwKai", "(一)指导思想。"), "紧紧围绕“两个高水平”的奋斗目标,深入实施“八八战略”,积极打造县域法治示范区。")
    d.p("GwBody", span("GwKai", "(二)总体目标。"), "力争到2020年基本建成职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。")
    d.h1("二、主要目标和任务")
    d.p("GwBody", span("GwKai", "(一)依法全面履行职能。"), "结合政府机构改革,进一步优化机构设置和人员编制配备。")
    d.p("GwBody", span("GwKai", "(二)推进依法科学民主决策。"), "认真贯彻落实《浙江省重大行政决策程序规定》。")
    d.p("GwBody", span("GwKai", "(三)加强行政规范性文件监督。"), "严格执行《浙江省行政规范性文件管理办法》。")
    return d


# ---- images -----------------------------------------------------------------------------------------------------
def png(width: int, height: int, pixel) -> bytes:
    """A minimal RGB PNG; pixel(x, y) -> (r, g, b)."""
    raw = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def flowchart(x: int, y: int):
    # four boxes joined by arrows: 起草 → 审核 → 决定 → 备案
    if 20 <= y <= 60 and any(10 + 90 * i <= x <= 80 + 90 * i for i in range(4)):
        edge = y in (20, 21, 59, 60) or any(x in (10 + 90 * i, 11 + 90 * i, 79 + 90 * i, 80 + 90 * i) for i in range(4))
        return (0, 0, 0) if edge else (221, 235, 247)
    if 39 <= y <= 41 and any(80 + 90 * i < x < 100 + 90 * i for i in range(3)):
        return (0, 0, 0)
    return (255, 255, 255)


IMAGES_TITLE = "青溪县人民政府办公室关于公布行政规范性文件制定流程的通知"


@sample
def images():
    d = Doc("images", IMAGES_TITLE, created="2020-07-01T09:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2020〕29号", IMAGES_TITLE, RECIPIENTS)
    d.para("为方便各单位规范开展行政规范性文件制定工作，现将制定流程予以公布（见下图），请遵照执行。")
    d.p("GwFigure", d.image(png(370, 80, flowchart), 14.8, 3.2, "制定流程图"))
    d.p("GwCaption", "图1　行政规范性文件制定流程")
    d.h1("一、起草")
    d.para("起草单位应当深入调查研究，充分听取意见，对涉及公民、法人和其他组织切身利益的，应当公开征求意见。")
    d.h1("二、审核")
    d.para("起草单位应当将送审稿报送县司法局进行合法性审核。")
    d.h1("三、决定和备案")
    d.para("文件经集体讨论决定后统一登记、统一编号、统一发布，并在公布之日起15日内报送备案。")
    d.signature("青溪县人民政府办公室", "2020年7月1日", "（此件公开发布）")
    return d


# ---- .docm and .dotx --------------------------------------------------------------------------------------------
def short_notice(name: str, number: str, title: str, date: str, created: str, issuer: str = "青溪县人民政府办公室") -> Doc:
    d = Doc(name, title, created=created)
    d.head(f"{issuer}文件", number, title, RECIPIENTS)
    d.para("根据工作需要，经县政府同意，现就有关事项通知如下：")
    d.h1("一、工作内容")
    d.para("各单位应当按照本通知要求，认真组织开展相关工作。")
    d.h1("二、工作要求")
    d.para("各单位要明确责任人，按时报送工作情况。")
    d.signature(issuer, date)
    return d


@sample
def docm():
    # LibreOffice 7.4 writes the macro-enabled content type but no vbaProject.bin: it only carries over VBA that it
    # imported from a Word file, and Basic macros are not exported as VBA by Writer. So this is a macro-free .docm.
    return short_notice("docm", "青政办发〔2020〕61号", "青溪县人民政府办公室关于开展2020年度公文格式专项检查的通知",
                        "2020年10月9日", "2020-10-09T09:00:00")


@sample
def dotx():
    return short_notice("dotx", "青政办发〔2020〕62号", "青溪县人民政府办公室关于启用新版公文模板的通知",
                        "2020年10月12日", "2020-10-12T09:00:00")


# ---- 发文字号 written the wrong way ---------------------------------------------------------------------------------
@sample
def number_malformed():
    # full-width parentheses, 第 and a leading zero: three GB/T 9704 §7.2.5 errors at once
    return short_notice("number-malformed", "青政办发（2020）第08号",
                        "青溪县人民政府办公室关于开展2020年度行政执法案卷评查工作的通知", "2020年6月5日",
                        "2020-06-05T09:00:00")


@sample
def number_lenticular():
    return short_notice("number-lenticular", "青政发【2020】7号", "青溪县人民政府关于公布县级行政许可事项目录的通知",
                        "2020年4月20日", "2020-04-20T09:00:00", issuer="青溪县人民政府")


# ---- 成文日期 in Chinese numerals ------------------------------------------------------------------------------------
CN_DATE_TITLE = "青溪县人民政府办公室关于建立行政规范性文件统一登记制度的通知"


@sample
def date_chinese_numerals():
    d = Doc("date-chinese-numerals", CN_DATE_TITLE, created="2018-08-06T09:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2018〕33号", CN_DATE_TITLE, RECIPIENTS)
    d.para("为落实行政规范性文件“三统一”制度，经县政府同意，决定建立行政规范性文件统一登记制度。现就有关事项通知如下：")
    d.h1("一、登记范围")
    d.para("县政府及其部门制定的行政规范性文件，应当在公布前报县司法局统一登记、统一编号。")
    d.h1("二、施行时间")
    d.para("本通知自二〇一八年九月一日起施行。")
    d.signature("青溪县人民政府办公室", "二〇一八年八月六日", "（此件公开发布）")
    d.blank(2)
    d.imprint("县委办，县人大常委会办公室，县政协办公室。", "青溪县人民政府办公室", "二〇一八年八月七日")
    return d


# ---- titles over two lines -------------------------------------------------------------------------------------
TWO_LINE_TITLE = ["青溪县人民政府关于进一步加强行政规范性文件", "备案审查和清理工作的通知"]


@sample
def title_two_lines():
    d = Doc("title-two-lines", "".join(TWO_LINE_TITLE), created="2020-08-20T09:00:00")
    d.head("青溪县人民政府文件", "青政发〔2020〕40号", TWO_LINE_TITLE, RECIPIENTS)
    d.para("为进一步加强行政规范性文件管理，现就备案审查和清理工作通知如下：")
    d.h1("一、及时报送备案")
    d.para("各单位制定的行政规范性文件应当自公布之日起15日内报送备案。")
    d.h1("二、定期开展清理")
    d.para("各单位每两年对本单位制定的行政规范性文件进行一次全面清理。")
    d.signature("青溪县人民政府", "2020年8月20日", "（此件公开发布）")
    return d


LINE_BREAK_TITLE = "青溪县人民政府办公室关于印发《青溪县重大行政决策\n合法性审查工作规程》的通知"


@sample
def title_line_break():
    flat = LINE_BREAK_TITLE.replace("\n", "")
    d = Doc("title-line-break", flat, created="2020-09-01T09:00:00")
    d.head("青溪县人民政府办公室文件", "青政办发〔2020〕52号", LINE_BREAK_TITLE, RECIPIENTS)
    d.para("《青溪县重大行政决策合法性审查工作规程》已经县政府同意，现印发给你们，请认真贯彻执行。")
    d.signature("青溪县人民政府办公室", "2020年9月1日", "（此件公开发布）")
    d.p("GwTitle", "青溪县重大行政决策合法性审查工作规程", brk=True)
    d.h1("一、审查范围")
    d.para("县政府重大行政决策事项在提交县政府常务会议讨论前，应当经县司法局合法性审查。")
    d.h1("二、审查内容")
    d.para("合法性审查的内容包括决策权限、决策程序和决策内容是否合法。")
    d.h1("三、审查期限")
    d.para("县司法局应当自收到送审材料之日起7个工作日内出具合法性审查意见。")
    return d


def main() -> None:
    changed = 0
    for name, d in SAMPLES.items():
        path = os.path.join(HERE, f"{name}.fodt")
        xml = d.xml()
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                if f.read() == xml:
                    continue
        with open(path, "w", encoding="utf-8") as f:
            f.write(xml)
        changed += 1
    print(f"{len(SAMPLES)} sources, {changed} written")


if __name__ == "__main__":
    main()
