"""Vietnamese wording of the simulated portals: title templates, body sentences, names (data).

Placeholders: {Unit}/{unit} "Xã Cẩm Vân"/"xã Cẩm Vân", {place} "Cẩm Vân", {village}/{Village},
{org}, {other} (another commune of the district), {year}, {prev_year}, {month} (two digits),
{n}, {k} (a small ordinal), {crop}, {law}, {app}, {model}, {season}, {festival}, {topic}.
"""

from __future__ import annotations

TITLES: dict[str, tuple[str, ...]] = {
    "xa": (
        "{Unit} ra quân làm giao thông nông thôn tại {village}",
        "UBND {unit} tổ chức hội nghị giao ban công tác tháng {month}/{year}",
        "{org} {unit} tổ chức sinh hoạt chuyên đề tại {village}",
        "{Unit} tiêm phòng vắc xin cho đàn gia súc, gia cầm đợt {k} năm {year}",
        "Khánh thành nhà văn hóa {village}, {unit}",
        "{Unit} kiểm tra công tác phòng cháy, chữa cháy rừng tại {village}",
        "{Village} ra quân vệ sinh môi trường, xây dựng cảnh quan xanh - sạch - đẹp",
        "{Unit} trao quà cho các gia đình chính sách tại {village}",
        "Chủ tịch UBND {unit} đối thoại với nhân dân {village}",
        "{org} {unit} ra mắt mô hình \"{model}\" tại {village}",
        "{Unit} triển khai sản xuất vụ {season} năm {year}",
        "Công an {unit} ra mắt tổ bảo vệ an ninh, trật tự ở cơ sở tại {village}",
        "{Village} sơ kết xây dựng khu dân cư nông thôn mới kiểu mẫu",
        "{Unit} tập huấn kỹ thuật trồng {crop} cho nông dân {village}",
        "Đảng ủy {unit} tổ chức hội nghị Ban Chấp hành Đảng bộ lần thứ {n}",
        "Thăm, tặng quà người cao tuổi {village} nhân dịp mừng thọ",
        "{org} {unit} tổ chức hiến máu tình nguyện đợt {k} năm {year}",
        "{Unit} rà soát hộ nghèo, hộ cận nghèo tại {village}",
        "Kiểm tra tiến độ thi công tuyến đường giao thông {village}",
        "{Unit} tổ chức kỳ họp thứ {n} HĐND khóa XXI",
        "{Unit} trao giấy chứng nhận quyền sử dụng đất cho các hộ dân {village}",
        "{Village} tổ chức hội nghị bình xét gia đình văn hóa năm {year}",
        "{Unit} ra quân tổng vệ sinh kênh mương nội đồng tại {village}",
        "{org} {unit} trao vốn hỗ trợ phát triển kinh tế cho hội viên {village}",
    ),
    "huyen": (
        "Huyện Cẩm Thủy tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội tháng {month}/{year}",
        "Lãnh đạo huyện Cẩm Thủy kiểm tra tình hình sản xuất tại xã {other}",
        "Xã {other} đón nhận Bằng công nhận đạt chuẩn nông thôn mới nâng cao",
        "Cẩm Thủy phát triển du lịch cộng đồng gắn với bảo tồn văn hóa Mường tại xã {other}",
        "UBND huyện Cẩm Thủy họp phiên thường kỳ tháng {month}/{year}",
        "Huyện Cẩm Thủy tập huấn nghiệp vụ công tác văn phòng cho cán bộ cấp xã đợt {k}",
        "Cẩm Thủy: xã {other} ra quân trồng cây, trồng rừng năm {year}",
        "Huyện ủy Cẩm Thủy sơ kết công tác xây dựng Đảng tại xã {other}",
        "Cẩm Thủy tổ chức giải bóng chuyền hơi mở rộng tại xã {other}",
        "Hội Nông dân huyện Cẩm Thủy kiểm tra mô hình kinh tế tại xã {other}",
        "Cẩm Thủy đẩy mạnh cải cách hành chính tại Bộ phận một cửa xã {other}",
        "Đoàn công tác huyện Cẩm Thủy làm việc với Đảng ủy xã {other}",
        "Ban Chỉ huy Quân sự huyện Cẩm Thủy kiểm tra công tác tuyển quân tại xã {other}",
        "Huyện Cẩm Thủy kiểm tra công tác phòng, chống dịch bệnh trên cây trồng tại xã {other}",
    ),
    "tinh": (
        "UBND tỉnh Thanh Hóa ban hành kế hoạch {topic} năm {year}",
        "Thanh Hóa: hội nghị trực tuyến toàn tỉnh về {topic}",
        "Chủ tịch UBND tỉnh Thanh Hóa kiểm tra {topic} tại huyện Cẩm Thủy",
        "Thanh Hóa đẩy mạnh {topic} trong tháng {month}/{year}",
        "Tỉnh ủy Thanh Hóa chỉ đạo tăng cường {topic}",
        "Thanh Hóa: tổng kết công tác {topic} năm {prev_year}",
        "Sở Thông tin và Truyền thông Thanh Hóa hướng dẫn {topic}",
    ),
    "thongbao": (
        "Thông báo lịch làm việc của UBND {unit} tháng {month}/{year}",
        "Thông báo niêm yết công khai danh sách hộ nghèo tại {village}",
        "Thông báo về việc thu hồi đất thực hiện dự án đường giao thông {village}",
        "Thông báo kết quả giải quyết thủ tục hành chính tháng {month}/{year}",
        "Thông báo về việc tổ chức tiêm phòng dại cho đàn chó tại {village}",
        "Thông báo lịch cắt điện khu vực {village}",
        "Thông báo về việc kiểm tra sức khỏe nghĩa vụ quân sự năm {year}",
        "Thông báo công khai dự toán ngân sách {unit} đợt {k} năm {year}",
        "Thông báo tuyển sinh lớp học nghề cho lao động nông thôn {village}",
        "Thông báo về việc niêm yết hồ sơ đăng ký đất đai tại {village}",
    ),
    "doanthe": (
        "{org} {unit} tổ chức đại hội chi hội {village}",
        "{org} {unit} phát động phong trào thi đua năm {year}",
        "{org} {unit} tổ chức hội thi tìm hiểu kiến thức pháp luật tại {village}",
        "{org} {unit} thăm hỏi, tặng quà hội viên có hoàn cảnh khó khăn {village}",
        "{org} {unit} ra quân làm đường hoa tại {village}",
        "Ủy ban MTTQ {unit} tổ chức ngày hội đại đoàn kết tại {village}",
        "{org} {unit} sơ kết hoạt động đợt {k} năm {year}",
    ),
    "pbgdpl": (
        "Tuyên truyền {law}",
        "Một số điểm mới của {law}",
        "Hỏi - đáp pháp luật: quy định về {topic}",
        "{Unit} tổ chức tuyên truyền {law} tại {village}",
        "Tìm hiểu {law} (phần {n})",
        "Hội nghị phổ biến {law} cho cán bộ, nhân dân {village}",
        "Tủ sách pháp luật: giới thiệu {law}",
    ),
    "cds": (
        "{Unit} đẩy mạnh chuyển đổi số trong {topic}",
        "Hướng dẫn cài đặt và sử dụng ứng dụng {app}",
        "Tổ công nghệ số cộng đồng {village} hướng dẫn người dân sử dụng {app}",
        "Triển khai thanh toán không dùng tiền mặt tại {village}",
        "Lợi ích của việc kích hoạt tài khoản định danh điện tử mức {n}",
        "{Unit} tuyên truyền nộp hồ sơ dịch vụ công trực tuyến toàn trình",
        "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng {village}",
        "{Unit} ra mắt mô hình \"{model}\" gắn với chuyển đổi số",
    ),
    "dulich": (
        "Lễ hội {festival} năm {year}",
        "Khám phá vẻ đẹp {village}, {unit}",
        "Phát triển du lịch cộng đồng tại {village}",
        "Nét đẹp văn hóa Mường ở {unit}",
        "{Unit} bảo tồn và phát huy giá trị {festival}",
        "Giới thiệu món ăn truyền thống của đồng bào Mường {village}",
        "Đội cồng chiêng {village} biểu diễn phục vụ du khách",
    ),
}

ORGS = (
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Cựu chiến binh",
    "Hội Người cao tuổi",
    "Hội Chữ thập đỏ",
)
CROPS = ("mía", "ngô", "lúa chất lượng cao", "bưởi Luận Văn", "cam", "keo", "dưa hấu", "rau an toàn")
MODELS = (
    "Dân vận khéo",
    "Camera an ninh",
    "Đường hoa nông thôn mới",
    "Nhà sạch, vườn đẹp",
    "Chi hội 5 không, 3 sạch",
    "Cổng trường an toàn giao thông",
    "Địa chỉ tin cậy của phụ nữ",
    "Xóm văn hóa số",
)
LAWS = (
    "Luật Thực hiện dân chủ ở cơ sở năm 2022",
    "Luật Phòng, chống bạo lực gia đình năm 2022",
    "Luật Phòng, chống ma túy",
    "Luật Giao thông đường bộ",
    "Luật Hôn nhân và gia đình",
    "Luật Trẻ em",
    "Luật Cư trú",
    "Luật Hòa giải ở cơ sở",
    "Luật Phòng, chống tác hại của rượu, bia",
    "Luật Căn cước công dân",
    "Luật An ninh mạng",
    "Luật Lâm nghiệp",
    "Luật Đất đai",
    "Luật Nghĩa vụ quân sự",
)
TOPICS = (
    "cải cách hành chính",
    "phòng, chống cháy rừng",
    "xây dựng nông thôn mới",
    "chuyển đổi số",
    "giảm nghèo bền vững",
    "phòng, chống thiên tai",
    "bảo vệ môi trường",
    "an toàn giao thông",
    "phát triển kinh tế trang trại",
    "đăng ký, quản lý cư trú",
    "hòa giải ở cơ sở",
    "cấp căn cước công dân",
)
APPS = (
    "VNeID",
    "VssID - Bảo hiểm xã hội số",
    "Sổ sức khỏe điện tử",
    "Bluezone",
    "Zalo cộng đồng thôn",
    "Cổng Dịch vụ công quốc gia",
    "ví điện tử",
)
FESTIVALS = (
    "Pồồn Pôông",
    "Suối cá thần Cẩm Lương",
    "Xuống đồng của người Mường",
    "đình làng Cẩm Thủy",
    "mừng cơm mới",
    "Rước nước",
)
SEASONS = {1: "Chiêm xuân", 2: "Chiêm xuân", 3: "Chiêm xuân", 4: "Chiêm xuân", 5: "Hè thu", 6: "Hè thu",
           7: "Thu mùa", 8: "Thu mùa", 9: "Thu mùa", 10: "Đông", 11: "Đông", 12: "Đông"}

VILLAGE_NAMES = (
    "Đồng Tâm", "Tiến Thành", "Quyết Thắng", "Liên Sơn", "Hợp Tiến", "Thống Nhất", "Đoàn Kết",
    "Tân Phong", "Bình Minh", "Xuân Thành", "Phú Lai", "Cẩm Hoa", "Sơn Lập", "Vân Long", "Đồng Lão",
    "Bái Đa", "Chiềng Khạt", "Kim Mẫm", "Hoàng Long", "Trung Tâm",
)

BODY_OPENERS = (
    "Ngày {date}, {unit} đã tổ chức triển khai nội dung trên với sự tham gia của đông đảo cán bộ và nhân dân.",
    "Sáng ngày {date}, tại hội trường UBND {unit}, các đại biểu đã cùng thảo luận và thống nhất nhiều nội dung quan trọng.",
    "Thực hiện kế hoạch của UBND huyện Cẩm Thủy, ngày {date} {unit} đã chủ động triển khai các nhiệm vụ được giao.",
    "Trong những ngày qua, cán bộ và nhân dân {unit} đã tích cực hưởng ứng, tạo khí thế thi đua sôi nổi.",
)
BODY_SENTENCES = (
    "Tham dự có đại diện lãnh đạo Đảng ủy, HĐND, UBND, Ủy ban MTTQ và các đoàn thể chính trị - xã hội.",
    "Các đại biểu đã đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế và nguyên nhân.",
    "Qua đó góp phần nâng cao nhận thức, ý thức trách nhiệm của cán bộ, đảng viên và nhân dân.",
    "Ban Chỉ đạo yêu cầu các thôn tiếp tục bám sát cơ sở, kịp thời nắm bắt tâm tư, nguyện vọng của người dân.",
    "Kết quả này tạo tiền đề quan trọng để địa phương hoàn thành các chỉ tiêu phát triển kinh tế - xã hội.",
    "Đồng chí Chủ tịch UBND xã đề nghị các ban, ngành, đoàn thể phối hợp chặt chẽ, triển khai đồng bộ các giải pháp.",
    "Hoạt động nhận được sự đồng tình, ủng hộ và tham gia tích cực của đông đảo người dân trên địa bàn.",
    "Dự kiến trong thời gian tới, địa phương sẽ nhân rộng mô hình ra các thôn còn lại.",
    "Nhiều ý kiến tâm huyết, trách nhiệm đã được các đại biểu nêu ra và được tiếp thu, giải trình cụ thể.",
    "Các hộ dân đã tự nguyện hiến đất, góp ngày công để cùng chính quyền hoàn thành công trình đúng tiến độ.",
    "Công tác tuyên truyền được thực hiện thường xuyên trên hệ thống loa truyền thanh và các nhóm Zalo của thôn.",
    "Đến nay, tỷ lệ hộ gia đình tham gia đạt trên 90%, vượt chỉ tiêu kế hoạch đề ra.",
)

SURNAMES = ("Bùi", "Quách", "Trương", "Phạm", "Cao", "Nguyễn", "Lê", "Trần", "Đinh", "Hoàng", "Đỗ", "Lò")
MIDDLE_MALE = ("Văn", "Đức", "Minh", "Xuân", "Hữu", "Đình")
MIDDLE_FEMALE = ("Thị", "Thị Thu", "Thị Hồng", "Thị Kim", "Ngọc")
GIVEN_MALE = ("Hùng", "Thắng", "Dũng", "Tuấn", "Hải", "Long", "Sơn", "Thành", "Cường", "Quang", "Tiến", "Khoa")
GIVEN_FEMALE = ("Lan", "Hương", "Hoa", "Thủy", "Hằng", "Nga", "Liên", "Mai", "Yến", "Huyền")

AUTHOR_ROLES = ("Văn phòng UBND xã", "Công chức Văn hóa - Xã hội", "Đài truyền thanh xã", "Ban biên tập")
