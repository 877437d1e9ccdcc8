/**
 * An excerpt of corpus document 13 (UBND tỉnh Lào Cai, plan for Chỉ thị 11-CT/TU, 2026): its heading
 * on two lines as the signed copy has it, and sentences of its sections II and III as written, with
 * the leads the Phụ lục gives them; "Sở NN&MT" as the province's documents also write it.
 */
export const LAO_CAI_PLAN = `ỦY BAN NHÂN DÂN
TỈNH LÀO CAI

Số: 25/KH-UBND

Lào Cai, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý nhà nước về khoáng sản trên địa bàn tỉnh Lào Cai

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Nâng cao hiệu lực, hiệu quả quản lý nhà nước đối với hoạt động thăm dò, khai thác, chế biến, sử dụng khoáng sản.

II. NHIỆM VỤ, GIẢI PHÁP

1. Quản lý khai thác khoáng sản

- Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Thuế tỉnh, Sở Công Thương, Sở Xây dựng triển khai các biện pháp kiểm soát chặt chẽ sản lượng khai thác thực tế của các mỏ.

- Thanh tra tỉnh chủ trì xây dựng kế hoạch và tổ chức thực hiện thanh tra đối với vụ việc trong lĩnh vực địa chất, khoáng sản hằng năm.

- Công an tỉnh chủ trì xử lý nghiêm và xử lý dứt điểm các hành vi khai thác khoáng sản bằng tàu cuốc trên sông, suối, hồ trong Quý II/2026.

- Sở NN&MT chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường rà soát quy hoạch thăm dò, khai thác khoáng sản trong năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nông nghiệp và Môi trường: theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh.
`;
